r"""Scraped image alt text and credit lines left in the article.

## What it finds
Text that came along when an article was copied from a web page with its
images: the image's alt text standing alone as a line, followed by the same
text with the image host appended ("... from s3.amazonaws.com"), a bare credit
line naming an image host or stock site, an image file name standing alone
("acupuncture-back-1024x683.jpg"), and in Markdown a paragraph that repeats the
alt text of the image just above it.

## Why it matters
A patient reading the page meets a sentence fragment that says nothing, often
twice, and a web address that is not a source. It tells readers (and reviewers
applying quality criteria such as the JAMA benchmark or HONcode) that the page
was copied and never edited; a credit line without a licence can also be a
copyright problem for the publisher.

## Examples
- flagged: `Acupuncture For Neck Pain\n\nNeedles placed along the upper back\nNeedles placed along the upper back from s3.amazonaws.com\n\nNeck pain is common.`
- flagged: `Back Pain Relief\n\nwoman receiving acupuncture on her back from images.unsplash.com\n\nMost back pain improves.`
- flagged: `Sleep Tips\n\nacupuncture-sleep-1024x683.jpg\n\nGood sleep matters.`
- flagged (md): `# Knees\n\n![Needles around a knee](knee.jpg)\n\nNeedles around a knee\n\nKnee pain is common.`
- not flagged: `Photo: Dana Lee for Riverside Clinic`
- not flagged (md): `![A treatment room](room.jpg)\n*Photo by Sam Ortiz, used with permission.*`
- not flagged: `You can download the intake form from our website, riversideclinic.com.`
- not flagged: `Many patients come to us from nearby towns.`

## Fix
Safe: the alt-text line and the credit line are deleted.

## Options
- `extra_hosts`: more image hosts whose bare credit lines are leftovers.
"""
from __future__ import annotations

import functools
import re

from acu_lint.model import Finding, Fix
from lint_rules._common import block_stands_alone, case_exotic, load_data, normalize

ID = "image-caption"
SEVERITY = "warning"
FIXABLE = True
OPTIONS = {"extra_hosts": []}

_DOMAIN = r"(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24})\.?/?"
_FROM_DOMAIN = re.compile(rf"^(?P<alt>.{{2,300}}?)\s+(?:from|via|source:?)\s+{_DOMAIN}\s*$", re.I)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]{3,})\]\([^)\n]*\)")


@functools.lru_cache(maxsize=8)
def _data(extra: tuple[str, ...]):
    d = load_data("image_caption.yaml")
    hosts = tuple(h.lower() for h in list(d["image_hosts"]) + list(extra))
    exts = "|".join(map(re.escape, d["image_extensions"]))
    filename = re.compile(rf"^[\w.%()\[\]-]+\.(?:{exts})$", re.I)
    return hosts, filename


def _is_host(domain: str, hosts: tuple[str, ...]) -> bool:
    domain = domain.lower()
    return any(domain == h or domain.endswith("." + h) for h in hosts)


def _delete(doc, block):
    return Fix((doc.delete_block(block),), True, "delete the scraped caption") if block_stands_alone(doc, block) else None


def check(doc, options):
    hosts, filename = _data(tuple(options.get("extra_hosts") or ()))
    blocks = [b for b in doc.blocks if b.kind in ("paragraph", "heading", "caption") and b.prose]
    flagged: set[int] = set()
    for i, b in enumerate(blocks):
        text = b.prose.text.strip()
        if "\n" in text:
            continue
        low = text.lower()
        # every _FROM_DOMAIN match holds "from", "via" or "source" and a dot: tested first
        may_credit = "." in text and ("from" in low or "via" in low or "source" in low or case_exotic(low))
        m = _FROM_DOMAIN.match(text) if may_credit else None
        if m:
            alt = normalize(m.group("alt"))
            # the alt text standing just before the credit line
            prev = blocks[i - 1] if i > 0 else None
            twin = prev is not None and normalize(prev.prose.text) == alt and prev.end_line >= b.line - 2
            bare = not re.search(r"[.!?]\s*$", m.group("alt")) and _is_host(m.group("domain"), hosts)
            if twin or bare:
                if twin and id(prev) not in flagged:
                    flagged.add(id(prev))
                    yield Finding(prev.start, prev.end,
                                  "Scraped image alt text: this line repeats the caption of an image that is "
                                  "no longer there. Delete it, or restore the image with this as its alt text.",
                                  fix=_delete(doc, prev))
                flagged.add(id(b))
                yield Finding(b.start, b.end,
                              f"Scraped image credit line ('from {m.group('domain')}'): it names where the image was copied from, not a "
                              "source, and readers cannot use it. Delete it, or write a proper photo credit.",
                              fix=_delete(doc, b))
                continue
        if filename.match(text) and b.kind != "heading" or (b.kind == "heading" and filename.match(text)):
            flagged.add(id(b))
            yield Finding(b.start, b.end,
                          "Image file name left as text: the image did not come along. Delete the line or insert "
                          "the image.", fix=_delete(doc, b))
    if doc.kind == "markdown":
        # a paragraph repeating the alt text of an image right above it
        for m in _MD_IMAGE.finditer(doc.text):
            alt = normalize(m.group("alt"))
            line = doc.line_of(m.start())
            for b in blocks:
                if id(b) in flagged or b.line <= line or b.line > line + 3:
                    continue
                if normalize(b.prose.text) == alt:
                    flagged.add(id(b))
                    yield Finding(b.start, b.end,
                                  "Scraped image caption: this paragraph repeats the alt text of the image above. "
                                  "Delete it or write a real caption.", fix=_delete(doc, b))
