#!/usr/bin/env python3
"""Writes a synthetic, full-size IEMOCAP-format tree for benchmarks (never for results).

The tree has the layout and file formats the IEMOCAP reader expects
(src/Datasets/Speech/Iemocap, ../shared/design/DATASET-FORMATS.md):

  IEMOCAP_full_release/Session{1..5}/dialog/EmoEvaluation/<dialog>.txt
  IEMOCAP_full_release/Session{1..5}/dialog/transcriptions/<dialog>.txt
  IEMOCAP_full_release/Session{1..5}/sentences/wav/<dialog>/<utterance>.wav   (16 kHz mono 16-bit)

Sizes follow the real corpus: 10,039 utterances, 151 dialogs, the real per-session counts and the
real consensus-label distribution (neu 1708, fru 1849, ang 1103, sad 1084, hap 595, exc 1041,
sur 107, fea 40, dis 2, oth 3, xxx 2507; the 4-class view has 5,531). Speech is espeak-ng with an
emotion-dependent speed and pitch, resampled by sox; utterance lengths are drawn around the real
mean of about 4.5 s. Scripted dialogs carry a few id-less transcription lines as real ones do.

Usage: generate.py OUTPUT_FOLDER [--utterances N] [--jobs J] [--seed S]
(--utterances scales every count down for a quick try; the default is the full size.)
"""
import argparse
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

LABELS = {"neu": 1708, "fru": 1849, "ang": 1103, "sad": 1084, "hap": 595, "exc": 1041,
          "sur": 107, "fea": 40, "dis": 2, "oth": 3, "xxx": 2507}
SESSIONS = [1819, 1811, 2136, 2103, 2170]          # utterances per session, as in the real corpus
DIALOGS = [28, 30, 32, 30, 31]                     # 151 dialogs in all
VOICE = {  # espeak-ng words per minute and pitch (0-99) by label: a weak, learnable audio cue
    "neu": (165, 45), "fru": (175, 40), "ang": (200, 70), "sad": (130, 25), "hap": (185, 75),
    "exc": (195, 80), "sur": (180, 85), "fea": (190, 60), "dis": (150, 30), "oth": (170, 50), "xxx": (170, 50)}
WORDS = ("time day house place night friend work money family job car home way life thing story "
         "morning letter phone airport plane wedding party dinner weekend office doctor school "
         "really never always maybe just still again sorry please thanks yes no well okay right").split()
CUES = {"ang": "stop it now", "sad": "i miss them", "hap": "that is wonderful", "exc": "we did it",
        "neu": "i see", "fru": "this is not working", "sur": "oh really", "fea": "something is wrong"}
NAMES = {"neu": "Neutral state", "fru": "Frustration", "ang": "Anger", "sad": "Sadness", "hap": "Happiness",
         "exc": "Excited", "sur": "Surprise", "fea": "Fear", "dis": "Disgust", "oth": "Other", "xxx": "Other"}


def sentence(rng, label):
    n = max(2, int(rng.gammavariate(3.0, 4.3)))     # mean about 13 words, about 4.5 s of speech
    words = [rng.choice(WORDS) for _ in range(n)]
    if label in CUES and rng.random() < 0.5:
        words[rng.randrange(len(words))] = CUES[label]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", "?", "!"])


def speak(job):
    path, text, label, rng_seed = job
    rng = random.Random(rng_seed)
    speed, pitch = VOICE[label]
    speed += rng.randint(-15, 15)
    pitch = min(99, max(0, pitch + rng.randint(-8, 8)))
    espeak = subprocess.Popen(["espeak-ng", "-v", "en-us", "-s", str(speed), "-p", str(pitch), "--stdout", text],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    tmp = path + ".tmp.wav"
    subprocess.run(["sox", "-q", "-t", "wav", "-", "-r", "16000", "-c", "1", "-b", "16", tmp],
                   stdin=espeak.stdout, check=True)
    espeak.wait()
    os.replace(tmp, path)
    return float(subprocess.run(["soxi", "-D", path], capture_output=True, text=True, check=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--utterances", type=int, default=sum(SESSIONS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    executor = ThreadPoolExecutor(max_workers=args.jobs)
    rng = random.Random(args.seed)
    scale = args.utterances / sum(SESSIONS)

    labels = [label for label, count in LABELS.items() for _ in range(count)]
    rng.shuffle(labels)
    labels = labels[:args.utterances]
    root = os.path.join(args.output, "IEMOCAP_full_release")
    jobs, start = [], 0
    for s, (count, dialogs) in enumerate(zip(SESSIONS, DIALOGS), start=1):
        count = max(1, round(count * scale)) if s < 5 else len(labels) - start
        dialogs = max(1, min(dialogs, count // 2))
        first = "F" if s % 2 else "M"
        session = os.path.join(root, f"Session{s}")
        session_labels = labels[start:start + count]
        start += count
        for d in range(dialogs):
            kind = "impro" if d % 2 == 0 else "script"
            dialog = f"Ses{s:02d}{first}_{kind}{d // 2 + 1:02d}" + ("" if kind == "impro" else f"_{d % 3 + 1}")
            mine = session_labels[d::dialogs]
            for folder in ("dialog/EmoEvaluation", "dialog/transcriptions", f"sentences/wav/{dialog}"):
                os.makedirs(os.path.join(session, folder), exist_ok=True)
            turns, t = [], 1.0
            counters = {"F": 0, "M": 0}
            for label in mine:
                gender = rng.choice("FM")
                uid = f"{dialog}_{gender}{counters[gender]:03d}"
                counters[gender] += 1
                text = sentence(rng, label)
                wav = os.path.join(session, f"sentences/wav/{dialog}/{uid}.wav")
                turns.append([uid, gender, label, text, wav])
                jobs.append((wav, text, label, rng.randrange(1 << 30)))
            durations = list(executor.map(speak, jobs[len(jobs) - len(turns):]))
            blocks, trans = [], []
            for (uid, gender, label, text, _), duration in zip(turns, durations):
                begin, end = t, t + duration
                t = end + rng.uniform(0.2, 1.5)
                vad = [round(rng.uniform(1, 5) * 2) / 2 for _ in range(3)]
                emo = [f"[{begin:.4f} - {end:.4f}]\t{uid}\t{label}\t[{vad[0]:.4f}, {vad[1]:.4f}, {vad[2]:.4f}]"]
                for rater in ("C-E1", "C-E2", "C-E3"):
                    emo.append(f"{rater}:\t{NAMES[label]};\t()")
                emo.append(f"A-E1:\tval {int(vad[0])}; act {int(vad[1])}; dom  {int(vad[2])};\t()")
                blocks.append((gender != "F", emo))
                trans.append(f"{uid} [{begin:08.4f}-{end:08.4f}]: {text}")
                if kind == "script" and rng.random() < 0.03:
                    trans.append(f"{gender}:[LAUGHTER]")
            # Real EmoEvaluation files list the female speaker's turns before the male's.
            blocks.sort(key=lambda b: b[0])
            text = "% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n" + "\n\n".join("\n".join(b[1]) for b in blocks) + "\n"
            write(os.path.join(session, f"dialog/EmoEvaluation/{dialog}.txt"), text)
            write(os.path.join(session, f"dialog/transcriptions/{dialog}.txt"), "\n".join(trans) + "\n")
        print(f"Session{s}: {count} utterances in {dialogs} dialogs", file=sys.stderr, flush=True)
    print(f"{len(jobs)} utterances under {root}", file=sys.stderr)


def write(path, text):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
