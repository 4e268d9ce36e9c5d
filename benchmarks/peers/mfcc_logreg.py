#!/usr/bin/python3
"""The practitioner's first speech-emotion baseline, run on MsaMl's split of the same files.

Features: resample to 16 kHz (torchaudio), 40 MFCCs (64 mel bands, Hann 20 ms / hop 10 ms,
512-point FFT) and their deltas, mean and standard deviation over time -> 160 values per file.
Classifier: scikit-learn StandardScaler + LogisticRegression (lbfgs, max_iter 2000), fit on the
train split only; scored on the test split: WA (accuracy) and UA (balanced accuracy, the mean of
per-class recalls). With --loso it also runs leave-one-speaker-out over all rows. With
--per-speaker the statistics are first standardized per speaker (each speaker's own mean and
standard deviation over all their rows, labels unused), as MsaMl's per-speaker recipe does.

Usage: mfcc_logreg.py --rows rows.csv [--loso]
rows.csv: path,label,split,speaker (a header line, then one row per file).
Prints one JSON object.
"""
import argparse
import csv
import json
import time

import numpy as np
import torch
import torchaudio
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

RATE = 16000


def features(paths):
    mfcc = torchaudio.transforms.MFCC(sample_rate=RATE, n_mfcc=40,
                                      melkwargs={"n_fft": 512, "win_length": 320, "hop_length": 160, "n_mels": 64})
    resamplers = {}
    out = []
    with torch.no_grad():
        for p in paths:
            wave, rate = torchaudio.load(p)
            wave = wave.mean(dim=0, keepdim=True)
            if rate != RATE:
                resamplers.setdefault(rate, torchaudio.transforms.Resample(rate, RATE))
                wave = resamplers[rate](wave)
            m = mfcc(wave)[0]
            d = torchaudio.functional.compute_deltas(m)
            out.append(torch.cat([m.mean(1), m.std(1), d.mean(1), d.std(1)]).numpy())
    return np.stack(out)


def fit_score(x_train, y_train, x_test, y_test):
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    return accuracy_score(y_test, predicted), balanced_accuracy_score(y_test, predicted)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", required=True)
    parser.add_argument("--loso", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--per-speaker", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with open(args.rows, newline="") as f:
        rows = list(csv.DictReader(f))
    start = time.perf_counter()
    x = features([r["path"] for r in rows])
    y = np.array([r["label"] for r in rows])
    split = np.array([r["split"] for r in rows])
    speaker = np.array([r["speaker"] for r in rows])
    if args.per_speaker:
        for s in set(speaker):
            held = speaker == s
            x[held] = (x[held] - x[held].mean(0)) / np.maximum(x[held].std(0), 1e-6)
    train, test = split == "train", split == "test"
    wa, ua = fit_score(x[train], y[train], x[test], y[test])
    result = {"wa": wa, "ua": ua, "train_rows": int(train.sum()), "test_rows": int(test.sum()),
              "seconds": time.perf_counter() - start}
    if args.loso:
        folds = []
        for s in sorted(set(speaker)):
            held = speaker == s
            fwa, fua = fit_score(x[~held], y[~held], x[held], y[held])
            folds.append({"speaker": s, "wa": fwa, "ua": fua})
        result["loso"] = folds
        result["loso_mean_ua"] = float(np.mean([f["ua"] for f in folds]))
        result["loso_mean_wa"] = float(np.mean([f["wa"] for f in folds]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
