// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

namespace vigie::render::test {

/// Outcome of a comparison against a control image.
struct ControlComparison
{
    bool passed = false;
    bool updated = false; ///< VIGIE_UPDATE_CONTROL=1: the control was (re)written instead
    int differingPixels = 0;
    int maxChannelDifference = 0;
    QString message; ///< what happened, with the paths of the files written on failure
};

/// Pixels differing by more than `colorTolerance` on any channel (0..255) between two images
/// of the same size; writes a diff image (faded control, differences in red) when asked.
int countDifferingPixels(const QImage &actual, const QImage &control, int colorTolerance,
                         int *maxChannelDifference = nullptr, QImage *diff = nullptr);

/**
 * Compares `actual` with the control `<controlDir>/<name>.png`: passes when at most
 * `maxDifferingPixels` pixels differ by more than `colorTolerance` on a channel. On failure, the
 * actual image, a diff image and an HTML page showing the three go to $VIGIE_TEST_OUTPUT (or the
 * temp dir) and their paths are in the message. With VIGIE_UPDATE_CONTROL=1 in the environment,
 * the control is (re)written from `actual` and the comparison passes.
 */
ControlComparison compareWithControl(const QImage &actual, const QString &controlDir,
                                     const QString &name, int colorTolerance,
                                     int maxDifferingPixels);

} // namespace vigie::render::test
