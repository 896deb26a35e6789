#!/usr/bin/env python3
"""Build the benchmark corpus from the project's own sample articles.

    python bench/make_corpus.py [--count 1000] [--out bench/out] [--seed 7]

Writes, deterministically for a given seed:

  <out>/corpus/NNNN.{md,txt,html}   N articles of about 4 KB (60% Markdown,
                                    30% plain text, 10% HTML)
  <out>/single/article-3kb.md       one article of about 3 KB (the pre-commit case)
  <out>/big/article-1mb.md          one article of about 1 MB
  <out>/big/article-10mb.md         one article of about 10 MB

The sentences, headings and titles come from ``articles/`` in this repository
(read at run time; nothing is copied into the bench folder). Each article
shuffles them into new paragraphs with a seeded random generator and swaps a
few words (body part, number of weeks), so paragraphs rarely repeat word for
word. Like real articles, most carry a disclaimer, some contain numbered
steps, and a few carry leftovers (an image prompt, a caption, page
furniture), so the rules have something to find. Only the standard library is
used.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ARTICLES = os.path.join(REPO, "articles")

BODY_PARTS = ["back", "neck", "knee", "shoulder", "hip", "wrist", "ankle", "jaw"]
CONDITIONS = ["Low Back Pain", "Neck Pain", "Knee Pain", "Shoulder Pain", "Headaches", "Nerve Pain in the Feet",
              "Hip Pain", "Jaw Pain", "Tennis Elbow", "Period Pain"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "eight", "ten", "twelve"]
_DISCLAIMER = re.compile(r"medical advice|general information|substitute for", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


# ---------------------------------------------------------------------------
# Reading the sample articles
# ---------------------------------------------------------------------------
class Material:
    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.headings: list[str] = []
        self.titles: list[str] = []
        self.disclaimers: list[str] = []
        self.steps: list[str] = []
        self.leftovers: list[str] = []

    def add_paragraph(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if _DISCLAIMER.search(text):
            self.disclaimers.append(text.strip("*_ "))
            return
        for s in _SENTENCE_END.split(text):
            s = s.strip()
            if len(s.split()) >= 5 and s[-1:] in ".!?":
                self.sentences.append(s)


def _blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]


def read_material(folder: str = ARTICLES) -> Material:
    m = Material()
    # the published samples, plus the drafts made to show leftovers (other
    # drafts show claims and such: their text is not what a corpus is built of)
    paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if os.path.isfile(os.path.join(folder, f)))
    drafts = os.path.join(folder, "drafts")
    if os.path.isdir(drafts):
        paths += sorted(os.path.join(drafts, f) for f in os.listdir(drafts) if "leftover" in f)
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        draft = os.sep + "drafts" + os.sep in path
        ext = os.path.splitext(path)[1].lower()
        if ext in (".html", ".htm"):
            text = re.sub(r"(?is)<(head|style|script)\b.*?</\1>", "", text)
            for tag, body in re.findall(r"(?is)<(h1|h2|h3|p|li)\b[^>]*>(.*?)</\1>", text):
                body = html.unescape(re.sub(r"<[^>]+>", "", body))
                body = " ".join(body.split())
                if tag == "h1":
                    m.titles.append(body)
                elif tag in ("h2", "h3"):
                    m.headings.append(body)
                elif tag == "li":
                    m.steps.append(body)
                else:
                    m.add_paragraph(body)
            continue
        if ext == ".md":
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        for n, block in enumerate(_blocks(text)):
            lines = block.splitlines()
            first = lines[0].strip()
            if draft:
                if len(lines) == 1:
                    m.leftovers.append(first)
                continue
            if first.startswith("# "):
                m.titles.append(first[2:].strip())
            elif first.startswith("#"):
                m.headings.append(first.lstrip("#").strip())
            elif all(re.match(r"\s*\d+[.)]\s", ln) for ln in lines):
                m.steps.extend(re.sub(r"^\s*\d+[.)]\s*", "", ln).strip() for ln in lines)
            elif len(lines) == 1 and len(first) < 60 and first[-1:] not in ".!:":
                (m.titles if ext == ".txt" and n == 0 else m.headings).append(first)
            else:
                m.add_paragraph(block)
    if len(m.sentences) < 10 or not m.headings:
        sys.exit(f"make_corpus: not enough sample text under {folder}")
    # leftovers worth planting: long lines (a prompt, a caption) and short page furniture
    m.leftovers = [x for x in m.leftovers
                   if not _DISCLAIMER.search(x) and not x[:1].islower() and not x.startswith("Acupuncture for")]
    return m


# ---------------------------------------------------------------------------
# Writing articles
# ---------------------------------------------------------------------------
def vary(rng: random.Random, s: str) -> str:
    part = rng.choice(BODY_PARTS)
    s = re.sub(r"\b(back|shoulder)\b", part, s)
    s = re.sub(r"\b(twenty|four|six)\b", lambda _m: rng.choice(NUMBER_WORDS), s)
    return s


def paragraph(rng: random.Random, m: Material) -> str:
    return " ".join(vary(rng, s) for s in rng.sample(m.sentences, rng.randint(3, 4)))


class Writer:
    def __init__(self, kind: str):
        self.kind = kind
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text.encode("utf-8")) + 2

    def title(self, t: str) -> None:
        self.add({"md": f"# {t}", "txt": t, "html": f"<h1>{html.escape(t)}</h1>"}[self.kind])

    def heading(self, t: str) -> None:
        self.add({"md": f"## {t}", "txt": t, "html": f"<h2>{html.escape(t)}</h2>"}[self.kind])

    def para(self, t: str) -> None:
        self.add(t if self.kind != "html" else f"<p>{html.escape(t)}</p>")

    def steps(self, items: list[str], numbers: list[int]) -> None:
        if self.kind == "html":
            self.add("<ol>\n" + "\n".join(f"  <li>{html.escape(x)}</li>" for x in items) + "\n</ol>")
        else:
            self.add("\n".join(f"{n}. {x}" for n, x in zip(numbers, items)))

    def text(self) -> str:
        body = "\n\n".join(self.parts) + "\n"
        if self.kind == "html":
            return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n<article>\n"
                    + body + "</article>\n</body>\n</html>\n")
        return body


def article(rng: random.Random, m: Material, kind: str, target: int) -> str:
    w = Writer(kind)
    condition = rng.choice(CONDITIONS)
    titles = m.titles + [f"Acupuncture for {condition}", f"Living with {condition}", f"{condition}: What Helps"]
    title = rng.choice(titles)
    if kind == "md" and rng.random() < 0.3:
        w.add(f"---\ntitle: {title}\nreviewed: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---")
    w.title(title)
    w.para(paragraph(rng, m))
    leftover = rng.random() < 0.1 and m.leftovers
    planted = listed = False
    section = 0
    while w.size < target:
        section += 1
        w.heading(vary(rng, rng.choice(m.headings)) + ("" if target < 20_000 else f" ({section})"))
        for _ in range(rng.randint(1, 3)):
            w.para(paragraph(rng, m))
            if leftover and not planted and rng.random() < 0.3:
                w.para(rng.choice(m.leftovers))
                planted = True
        if m.steps and not listed and rng.random() < 0.25:
            listed = target < 20_000  # one list per article (a long one gets several)
            items = rng.sample(m.steps, min(len(m.steps), rng.randint(3, 4)))
            numbers = list(range(1, len(items) + 1))
            if rng.random() < 0.15:  # a gap, now and then
                numbers[-1] += 1
            w.steps(items, numbers)
    if m.disclaimers and rng.random() < 0.9:
        w.para(rng.choice(m.disclaimers))
    return w.text()


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def build(out: str, count: int, seed: int, size: int = 4000) -> dict[str, str]:
    m = read_material()
    rng = random.Random(seed)
    corpus = os.path.join(out, "corpus")
    if os.path.isdir(corpus):  # a smaller count must not leave old files behind
        for name in os.listdir(corpus):
            if re.fullmatch(r"\d{4,}\.(md|txt|html)", name):
                os.unlink(os.path.join(corpus, name))
    digest = hashlib.sha256()
    for i in range(count):
        r = rng.random()
        kind = "md" if r < 0.6 else "txt" if r < 0.9 else "html"
        text = article(rng, m, kind, rng.randint(size - 600, size + 300))
        write(os.path.join(corpus, f"{i:04d}.{kind}"), text)
        digest.update(text.encode())
    outputs = {"corpus": corpus}
    single = article(random.Random(seed + 1), m, "md", 2600)
    write(os.path.join(out, "single", "article-3kb.md"), single)
    outputs["single"] = os.path.join(out, "single", "article-3kb.md")
    for label, nbytes in (("1mb", 1_000_000), ("10mb", 10_000_000)):
        text = article(random.Random(seed + nbytes), m, "md", nbytes)
        path = os.path.join(out, "big", f"article-{label}.md")
        write(path, text)
        outputs[label] = path
    outputs["digest"] = digest.hexdigest()[:16]
    return outputs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000, help="number of ~4 KB articles (default 1000)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="output folder (default bench/out)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")
    outputs = build(args.out, args.count, args.seed)
    sizes = []
    for key in ("corpus", "single", "1mb", "10mb"):
        p = outputs[key]
        if os.path.isdir(p):
            total = sum(os.path.getsize(os.path.join(p, f)) for f in os.listdir(p))
            sizes.append(f"{key}: {args.count} files, {total / args.count / 1000:.1f} KB each on average")
        else:
            sizes.append(f"{key}: {os.path.getsize(p) / 1000:,.1f} KB")
    print(f"corpus written to {args.out} (seed {args.seed}, corpus digest {outputs['digest']})")
    for s in sizes:
        print("  " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
