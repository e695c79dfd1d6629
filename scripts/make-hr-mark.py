#!/usr/bin/python3
"""Renders the "川渝 HR" mutual-recognition mark (spec §6.4) into the PNG that rendered DICOMweb images carry.

Why a picture rather than text at run time: the node's JVM may run where no font has these ideographs (a slim
container has none), and Java's fallback would then draw empty boxes. So the mark is drawn once, here, from
Debian's fonts-droid-fallback (DroidSansFallbackFull.ttf, Apache License 2.0; glyph pictures of it may be shipped),
and the node only scales and composites the result. That font has no Latin letters, so "HR" is drawn from
fonts-dejavu-core's DejaVuSans-Bold.ttf (Bitstream Vera licence, free to redistribute).

White letters with a black outline on a translucent dark plate: readable on black backgrounds (white letters)
and on white ones (outline and plate). The result is committed; rerun this after changing it:
    /usr/bin/python3 scripts/make-hr-mark.py
Needs python3-pil, fonts-droid-fallback and fonts-dejavu-core (apt).
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HAN_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
RUNS = (("川渝", HAN_FONT), (" HR", LATIN_FONT))
FONT_SIZE = 96
STROKE = 6
PADDING = 14
PLATE = (0, 0, 0, 110)
OUT = Path(__file__).resolve().parent.parent / "wado/src/main/resources/org/hrnode/wado/render/hr-mark.png"


def main():
    runs = [(text, ImageFont.truetype(path, FONT_SIZE)) for text, path in RUNS]
    # The letters first, on one baseline for both fonts, on a canvas larger than they need.
    ascent = max(font.getmetrics()[0] for _, font in runs)
    descent = max(font.getmetrics()[1] for _, font in runs)
    advance = [font.getlength(text) for text, font in runs]
    letters = Image.new("RGBA", (int(sum(advance)) + 4 * STROKE, ascent + descent + 4 * STROKE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(letters)
    x = 2 * STROKE
    for (text, font), step in zip(runs, advance):
        draw.text((x, 2 * STROKE + ascent), text, font=font, anchor="ls", fill=(255, 255, 255, 255),
                  stroke_width=STROKE, stroke_fill=(0, 0, 0, 255))
        x += step
    letters = letters.crop(letters.getbbox())
    # Then the plate, fitted to the ink with even padding.
    image = Image.new("RGBA", (letters.width + 2 * PADDING, letters.height + 2 * PADDING), (0, 0, 0, 0))
    ImageDraw.Draw(image).rounded_rectangle((0, 0, image.width - 1, image.height - 1), radius=PADDING, fill=PLATE)
    image.alpha_composite(letters, (PADDING, PADDING))
    image.save(OUT, optimize=True)
    print(f"{OUT}: {image.width}x{image.height}")


if __name__ == "__main__":
    main()
