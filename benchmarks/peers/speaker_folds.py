#!/usr/bin/python3
"""Speech-emotion peers on speaker-independent folds, pooled over all rows.

Each row is predicted by models that never saw its speaker (rows.csv gives each row's fold; a
fold holds whole speakers). Reports WA (accuracy) and UA (balanced accuracy) of the pooled
predictions.

Peers, as a practitioner writes them:
  mfcc-logreg     40 MFCCs + deltas (torchaudio, 16 kHz, 64 mel bands, 20 ms / 10 ms), mean and
                  std over time -> StandardScaler + LogisticRegression (lbfgs, max_iter 2000)
  mfcc-logreg-balanced  the same, each class weighted n / (K n_c) (class_weight='balanced')
  mfcc-svm        the same features -> StandardScaler + SVC (RBF, C = 1, gamma 'scale')
  ... -speaker    the same, with the statistics standardized per speaker first (each speaker's
                  own mean and std over their rows, labels unused)
With --features F (a CSV of id,v1..vn rows written by MsaMl), the same classifiers also run on
those features ("msaml-features-..."), separating the features from the classifier; with
--functionals N also on their first N columns, MsaMl's eGeMAPS-like functionals ("msaml-functionals-...":
functionals + SVM is the field's classic speech-emotion baseline).

Usage: speaker_folds.py --rows rows.csv [--features feats.csv [--functionals N]] [--threads 2]
rows.csv: id,path,label,speaker,fold. Prints one JSON object.
"""
import argparse
import csv
import json
import time

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from mfcc_logreg import features as mfcc_statistics  # the same MFCC statistics as the EmoDB split peer


def per_speaker(x, speaker):
    x = x.copy()
    for s in set(speaker):
        held = speaker == s
        x[held] = (x[held] - x[held].mean(0)) / np.maximum(x[held].std(0), 1e-6)
    return x


def pooled(x, y, fold, make):
    predicted = np.empty_like(y)
    for f in sorted(set(fold)):
        held = fold == f
        model = make()
        model.fit(x[~held], y[~held])
        predicted[held] = model.predict(x[held])
    return {"wa": accuracy_score(y, predicted), "ua": balanced_accuracy_score(y, predicted)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", required=True)
    parser.add_argument("--features")
    parser.add_argument("--functionals", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with open(args.rows, newline="") as f:
        rows = list(csv.DictReader(f))
    y = np.array([r["label"] for r in rows])
    speaker = np.array([r["speaker"] for r in rows])
    fold = np.array([r["fold"] for r in rows])
    classifiers = {
        "logreg": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
        "logreg-balanced": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced")),
        "svm": lambda: make_pipeline(StandardScaler(), SVC(C=1.0, gamma="scale")),
    }
    start = time.perf_counter()
    sets = {"mfcc": mfcc_statistics([r["path"] for r in rows])}
    result = {"rows": len(rows), "folds": len(set(fold)), "featurize_seconds": time.perf_counter() - start}
    if args.features:
        with open(args.features, newline="") as f:
            table = {line[0]: [float(v) for v in line[1:]] for line in csv.reader(f)}
        sets["msaml-features"] = np.array([table[r["id"]] for r in rows])
        if args.functionals > 0:
            sets["msaml-functionals"] = sets["msaml-features"][:, :args.functionals]
    for name, x in sets.items():
        for speaker_norm in (False, True):
            data = per_speaker(x, speaker) if speaker_norm else x
            for cname, make in classifiers.items():
                result[f"{name}-{cname}{'-speaker' if speaker_norm else ''}"] = pooled(data, y, fold, make)
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))


if __name__ == "__main__":
    main()
