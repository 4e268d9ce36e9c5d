"""PyTorch peer for MsaMl's training-step benchmark: the same AAT and OTE networks at the same
shapes, timed the same way (median of N steps of forward + backward + Adam after one warm-up).
Prints one JSON object per line. Run with Debian's interpreter: /usr/bin/python3 torch_peer.py
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class AlexNetFcn(nn.Module):
    def __init__(self, channels_in, channels_out):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(channels_in, 96, 11, stride=4), nn.LocalResponseNorm(96), nn.ReLU(), nn.MaxPool2d(3, 2),
            nn.Conv2d(96, 256, 5, padding=2), nn.LocalResponseNorm(256), nn.ReLU(), nn.MaxPool2d(3, 2),
            nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
            nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
            nn.Conv2d(384, channels_out, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2))

    def forward(self, x):
        return self.layers(x)


class SmallAudioCnn(nn.Module):
    def __init__(self, channels_in, channels_out):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(channels_in, 32, 5, stride=2, padding=2, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, channels_out, 3, padding=1, bias=False), nn.BatchNorm2d(channels_out), nn.ReLU())

    def forward(self, x):
        return self.layers(x)


class AttentionPooling(nn.Module):
    def __init__(self, channels, lam=0.3):
        super().__init__()
        self.projection = nn.Linear(channels, channels)
        self.context = nn.Linear(channels, 1, bias=False)
        self.lam = lam

    def forward(self, x):
        positions = x.flatten(2).transpose(1, 2)
        energy = self.context(torch.tanh(self.projection(positions))).squeeze(-1)
        weights = torch.softmax(energy * self.lam, -1).unsqueeze(-1)
        return (weights * positions).sum(1)


class Aat(nn.Module):
    def __init__(self, audio, text_size, classes, channels=256, text_dim=256):
        super().__init__()
        self.audio = audio
        self.pool = AttentionPooling(channels)
        self.text = nn.Linear(text_size, text_dim)
        self.dropout = nn.Dropout(0.4)
        self.classifier = nn.Linear(channels + text_dim, classes)

    def forward(self, audio, text):
        fused = torch.cat([self.pool(self.audio(audio)), self.text(text.flatten(1))], 1)
        return self.classifier(self.dropout(fused))


class SmallImageCnn(nn.Module):
    def __init__(self, out_dim):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(3, 64, 7, stride=2, padding=3), nn.ReLU(), nn.MaxPool2d(3, 2, padding=1),
            nn.Conv2d(64, 516, 3, padding=1, bias=False), nn.BatchNorm2d(516), nn.ReLU(),
            nn.Conv2d(516, 1024, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(1024), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.6), nn.Linear(1024, out_dim))

    def forward(self, x):
        return self.layers(x)


class Ote(nn.Module):
    def __init__(self, image, text_size, classes, image_dim=64, text_dim=64):
        super().__init__()
        self.image = image
        self.text = nn.Linear(text_size, text_dim)
        width = image_dim + text_dim
        self.encoder = nn.TransformerEncoderLayer(width, 4, 2048, 0.1)
        self.classifier = nn.Sequential(nn.Dropout(0.4), nn.Linear(width, 20), nn.ReLU(), nn.Dropout(0.4), nn.Linear(20, classes))

    def forward(self, image, text):
        tokens = torch.cat([self.image(image), F.relu(self.text(text.flatten(1)))], 1).unsqueeze(0)
        return self.classifier(self.encoder(tokens).mean(0))


def build(name):
    if name == "aat_alexnet":
        return Aat(AlexNetFcn(3, 256), 60 * 768, 10), [(3, 161, 750), (60, 768)], 10
    if name == "aat_small":
        return Aat(SmallAudioCnn(3, 256), 60 * 768, 10), [(3, 161, 750), (60, 768)], 10
    if name == "ote_small":
        return Ote(SmallImageCnn(64), 60 * 768, 2), [(3, 64, 64), (60, 768)], 2
    if name == "ote_resnet50":
        import torchvision
        return Ote(torchvision.models.resnet50(num_classes=64), 60 * 768, 2), [(3, 64, 64), (60, 768)], 2
    raise ValueError(name)


def time_steps(model, shapes, classes, batch, steps):
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), 1e-4)
    times = []
    for step in range(steps + 1):
        inputs = [torch.randn(batch, *s) for s in shapes]
        labels = torch.randint(0, classes, (batch,))
        start = time.perf_counter()
        loss = F.cross_entropy(model(*inputs), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step > 0:
            times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--models", default="aat_alexnet,aat_small,ote_small,ote_resnet50")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    for name in args.models.split(","):
        try:
            model, shapes, classes = build(name)
        except ImportError as error:
            print(json.dumps({"skipped": name, "reason": str(error)}), flush=True)
            continue
        seconds = time_steps(model, shapes, classes, args.batch, args.steps)
        print(json.dumps({"model": name, "seconds_per_step": seconds, "batch": args.batch}), flush=True)


if __name__ == "__main__":
    main()
