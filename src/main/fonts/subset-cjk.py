#!/usr/bin/env python3
"""Regenerates FaceCheck's bundled CJK font (src/main/resources/io/facecheck/fonts/README.md says why) from
Debian's fonts-noto-cjk: the Simplified Chinese face of Noto Sans CJK, Regular and Bold, cut down to every
character of GB 2312 and of JIS X 0208, kana, CJK punctuation, full-width forms and the Latin letters of European
names. A build-time step: run it once when the source font or the character set changes, and commit the two .otf
files it writes (the same bytes on every run).

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto   # no need to install it
    apt-get install python3-fonttools                                                # or: pip install fonttools
    python3 src/main/fonts/subset-cjk.py /tmp/noto/usr/share/fonts/opentype/noto
"""
import os
import sys

# the fonts' "modified" date is the source's release (fonts-noto-cjk 1:20220127), not the day this ran
os.environ.setdefault('SOURCE_DATE_EPOCH', '1643241600')

from fontTools import subset  # noqa: E402 (after SOURCE_DATE_EPOCH, which fontTools reads)
from fontTools.ttLib import TTFont  # noqa: E402

SC_FACE = 2  # in NotoSansCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK, then the Mono faces
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'io', 'facecheck', 'fonts')

# Punctuation that Latin text uses as well, drawn full-width and centred by a Chinese font ("Add missed···"):
# these get the font's own proportional (Latin) forms, the ones its 'pwid' feature would choose.
PROPORTIONAL = [0x2018, 0x2019, 0x201C, 0x201D, 0x2026]


def characters():
    cps = set()

    def span(first, last):
        cps.update(range(first, last + 1))

    span(0x0020, 0x007E)  # Basic Latin
    span(0x00A0, 0x024F)  # Latin-1 Supplement, Latin Extended-A and -B: Zoë, Müller, Ångström, Łukasz
    span(0x2000, 0x206F)  # general punctuation (dashes, quotes, ellipsis)
    span(0x20A0, 0x20BF)  # currency signs
    span(0x3000, 0x30FF)  # CJK symbols and punctuation (U+3000 ideographic space, 、。「」), hiragana, katakana
    span(0x31F0, 0x31FF)  # katakana phonetic extensions
    span(0xFF00, 0xFFEF)  # half-width and full-width forms: what an IME types in full-width mode

    def two_byte_table(codec, rows):
        """Every character a two-byte EUC code (row 0xA1.., cell 0xA1..0xFE) decodes to."""
        for row in rows:
            for cell in range(0xA1, 0xFF):
                try:
                    cps.update(ord(c) for c in bytes([row, cell]).decode(codec))
                except UnicodeDecodeError:
                    pass  # an unassigned code

    two_byte_table('gb2312', range(0xA1, 0xF8))  # GB 2312: 7,445 characters, 6,763 hanzi
    two_byte_table('euc_jp', range(0xA1, 0xF5))  # two-byte EUC-JP is JIS X 0208: 6,879 characters, 6,355 kanji
    return cps


def proportional_forms(font):
    """The 'pwid' (proportional widths) substitutes of the glyphs of PROPORTIONAL, by code point."""
    gsub = font['GSUB'].table
    lookups = {i for fr in gsub.FeatureList.FeatureRecord if fr.FeatureTag == 'pwid'
               for i in fr.Feature.LookupListIndex}
    cmap = font.getBestCmap()
    found = {}
    for i in lookups:
        for table in gsub.LookupList.Lookup[i].SubTable:
            table = table.ExtSubTable if table.LookupType == 7 else table
            for cp in PROPORTIONAL:
                if cmap.get(cp) in getattr(table, 'mapping', {}):
                    found[cp] = table.mapping[cmap[cp]]
    return found


def main(src):
    cps = characters()
    for weight in ('Regular', 'Bold'):
        font = TTFont(os.path.join(src, 'NotoSansCJK-%s.ttc' % weight), fontNumber=SC_FACE, lazy=False)
        forms = proportional_forms(font)
        missing = set(PROPORTIONAL) - set(forms)
        if missing:
            sys.exit('no proportional form of %s in %s' % (', '.join('U+%04X' % c for c in missing), weight))
        for table in font['cmap'].tables:
            if table.isUnicode():
                for cp, glyph in forms.items():
                    table.cmap[cp] = glyph
        options = subset.Options()
        options.layout_features = []  # JavaFX and Java2D draw these scripts without OpenType layout
        options.hinting = False  # JavaFX ignores CFF hints: its rendering is the same pixel for pixel
        options.name_IDs = ['*']  # keep the copyright, licence and trademark records
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=cps)
        subsetter.subset(font)
        out = os.path.join(OUT, 'NotoSansCJKsc-%s-subset.otf' % weight)
        font.save(out)
        print('%s: %d glyphs, %d characters, %d bytes' % (os.path.normpath(out), len(font.getGlyphOrder()),
                                                          len(font.getBestCmap()), os.path.getsize(out)))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/opentype/noto')
