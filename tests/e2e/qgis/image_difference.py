# SPDX-License-Identifier: GPL-3.0-or-later
# A loose comparison of two map images: the mean absolute difference per channel (0-255) of
# their averages over a w x h grid of blocks. It tells a map drawn with the same styles from one
# drawn otherwise, not pixels. Usage: image_difference.py A.png B.png (prints the difference).
import sys

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage


def difference(a, b, w=80, h=60):
    def load(path):
        return QImage(path).convertToFormat(QImage.Format_RGB32).scaled(
            w, h, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    a, b = load(a), load(b)
    total = 0
    for y in range(h):
        for x in range(w):
            p, q = a.pixel(x, y), b.pixel(x, y)
            total += sum(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16))
    return total / (w * h * 3)


if __name__ == "__main__":
    print(difference(sys.argv[1], sys.argv[2]))
