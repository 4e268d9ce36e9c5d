#!/usr/bin/python3
"""The torchaudio peer of MsaMl's speech featurizer, timed on the same files with the same settings.

decode (torchaudio.load) -> downmix (mean over channels) -> resample to 16 kHz
(torchaudio.transforms.Resample, one cached kernel per source rate) -> power spectrogram (Hann
20 ms window, hop 10 ms, 512-point FFT, no centring) -> 64 mel bands -> log(S + 1e-10) -> delta and
delta-delta (first differences over time, delta[0] = 0, as MsaMl computes them) -> the first 400
frames, zero-padded -> a [3, 64, 400] tensor per file.

Usage: torchaudio_featurize.py --list files.txt [--threads 2] [--repeats 3]
Prints one JSON object: files, threads, seconds (the best of the repeats after one warm-up pass)
and the mean of the features (a checksum that the work was done).
"""
import argparse
import json
import time

import torch
import torchaudio

RATE, WINDOW, HOP, FFT, MELS, FRAMES, FLOOR = 16000, 320, 160, 512, 64, 400, 1e-10


class Featurizer:
    def __init__(self):
        self.resamplers = {}
        self.mel = torchaudio.transforms.MelSpectrogram(
            sample_rate=RATE, n_fft=FFT, win_length=WINDOW, hop_length=HOP, n_mels=MELS,
            power=2.0, center=False, window_fn=torch.hann_window)

    def __call__(self, path):
        waveform, rate = torchaudio.load(path)
        mono = waveform.mean(dim=0, keepdim=True)
        if rate != RATE:
            if rate not in self.resamplers:
                self.resamplers[rate] = torchaudio.transforms.Resample(rate, RATE)
            mono = self.resamplers[rate](mono)
        log = torch.log(self.mel(mono)[0] + FLOOR)[:, :FRAMES]
        delta = torch.zeros_like(log)
        delta[:, 1:] = log[:, 1:] - log[:, :-1]
        delta2 = torch.zeros_like(log)
        delta2[:, 1:] = delta[:, 1:] - delta[:, :-1]
        out = torch.zeros(3, MELS, FRAMES)
        n = log.shape[1]
        out[0, :, :n] = log
        out[1, :, :n] = delta
        out[2, :, :n] = delta2
        return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with open(args.list) as f:
        files = [line.strip() for line in f if line.strip()]
    featurize = Featurizer()
    with torch.no_grad():
        checksum = sum(float(featurize(p).mean()) for p in files)  # warm-up: page cache, kernels
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            for p in files:
                featurize(p)
            times.append(time.perf_counter() - start)
    print(json.dumps({"files": len(files), "threads": args.threads, "seconds": min(times),
                      "all_seconds": times, "checksum": checksum / max(len(files), 1),
                      "torch": torch.__version__, "torchaudio": torchaudio.__version__}))


if __name__ == "__main__":
    main()
