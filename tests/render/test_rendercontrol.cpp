// SPDX-License-Identifier: GPL-3.0-or-later
// Control-image tests: the deterministic scene of testscene.cpp rendered at 640 x 480 and compared
// with tests/render/control/*.png. Regenerate the controls with VIGIE_UPDATE_CONTROL=1 (and look
// at them before committing).
#include "controlimage.h"
#include "testscene.h"

#include "render/maprenderer.h"
#include "render/symbolstyle.h"

#include <QFontInfo>
#include <QPainter>
#include <QTest>

using namespace vigie;
using namespace vigie::render;

namespace {
const QString kControlDir = QStringLiteral(VIGIE_TEST_SOURCE_DIR "/control");
constexpr int kColorTolerance = 40;
constexpr int kMaxDifferingPixels = 800; // 0.26 % of 640 x 480
} // namespace

class TestRenderControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QFontInfo info(QFont(QString::fromLatin1(kMapFontFamily)));
        QCOMPARE(info.family(), QString::fromLatin1(kMapFontFamily));
    }

    void markers()
    {
        MapSettings settings = test::controlScene();
        RenderStats stats;
        QImage image = MapRenderer::renderImage(settings, &stats);
        test::drawDecorations(image, settings);
        QCOMPARE(stats.layersDrawn, 6);
        QCOMPARE(stats.pointsAggregated, std::size_t(0));
        QVERIFY(stats.featuresDrawn > 1500); // incidents culled to the view, plus the rest
        QVERIFY(stats.labelsDrawn >= 5);
        const auto r = test::compareWithControl(image, kControlDir, QStringLiteral("scene_markers"),
                                                kColorTolerance, kMaxDifferingPixels);
        qInfo().noquote() << r.message;
        QVERIFY2(r.passed, qPrintable(r.message));
    }

    void aggregated()
    {
        MapSettings settings = test::controlScene();
        settings.aggregateAbove = 300;
        RenderStats stats;
        QImage image = MapRenderer::renderImage(settings, &stats);
        test::drawDecorations(image, settings);
        QVERIFY(stats.pointsAggregated > 1500);
        const auto r =
            test::compareWithControl(image, kControlDir, QStringLiteral("scene_aggregated"),
                                     kColorTolerance, kMaxDifferingPixels);
        qInfo().noquote() << r.message;
        QVERIFY2(r.passed, qPrintable(r.message));
    }

    /// The comparison itself must notice a visible change.
    void comparisonDetectsChanges()
    {
        if (qEnvironmentVariableIntValue("VIGIE_UPDATE_CONTROL") == 1)
            QSKIP("updating the control images");
        MapSettings settings = test::controlScene();
        QImage image = MapRenderer::renderImage(settings);
        test::drawDecorations(image, settings);
        {
            QPainter p(&image);
            p.fillRect(QRect(300, 200, 40, 30), QColor(255, 0, 255));
        }
        const auto r = test::compareWithControl(image, kControlDir, QStringLiteral("scene_markers"),
                                                kColorTolerance, kMaxDifferingPixels);
        QVERIFY(!r.passed);
        QVERIFY(r.differingPixels >= 1000);
        QVERIFY(r.message.contains(QStringLiteral("scene_markers_diff.png")));
    }
};

QTEST_MAIN(TestRenderControl)
#include "test_rendercontrol.moc"
