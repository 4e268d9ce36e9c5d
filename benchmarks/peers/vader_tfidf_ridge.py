#!/usr/bin/python3
"""The practitioner's text-regression baseline on the VADER sentiment-intensity sentences, on
MsaMl's split of the same files (vader-text benchmark).

Reads the four tab-separated VADER files (id, valence, text; CRLF) itself, and the split from
--split (one "<file stem>:<id><TAB>train|test" line per row the run uses, as the benchmark writes
them; rows not listed are left out). Features:
scikit-learn TfidfVectorizer (word unigrams and bigrams, lower-cased, sublinear tf, min_df 2),
fit on the training rows only. Model: Ridge (alpha 1.0). Prints one JSON object: the predicted
valence of every test row by its id, and the seconds taken (fit + predict). The benchmark
computes the metrics, with the same code as for MsaMl's recipes.

Usage: vader_tfidf_ridge.py --data FOLDER --split FILE
"""
import argparse
import json
import os
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge

FILES = ["tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
         "amazonReviewSnippets_GroundTruth.txt", "nytEditorialSnippets_GroundTruth.txt"]


def read(folder):
    rows = []
    for name in FILES:
        stem = name.split("_")[0]
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            for line in f.read().split("\r\n"):
                if not line.strip():
                    continue
                identifier, valence, text = line.split("\t", 2)
                rows.append((f"{stem}:{identifier}", float(valence), text))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--split", required=True)
    args = parser.parse_args()
    with open(args.split, encoding="utf-8") as f:
        split = dict(line.rstrip("\n").split("\t") for line in f if line.strip())
    rows = read(args.data)
    train = [r for r in rows if split.get(r[0]) == "train"]
    test = [r for r in rows if split.get(r[0]) == "test"]
    if len(train) + len(test) != len(split):
        raise SystemExit(f"{len(split)} rows in the split, {len(train) + len(test)} found in the files")
    start = time.perf_counter()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    features = vectorizer.fit_transform([r[2] for r in train])
    model = Ridge(alpha=1.0).fit(features, [r[1] for r in train])
    predicted = model.predict(vectorizer.transform([r[2] for r in test]))
    seconds = time.perf_counter() - start
    print(json.dumps({"predictions": {r[0]: float(p) for r, p in zip(test, predicted)},
                      "train": len(train), "test": len(test), "features": len(vectorizer.vocabulary_),
                      "seconds": seconds}))


if __name__ == "__main__":
    main()
