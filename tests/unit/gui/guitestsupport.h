// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Set-up shared by the GUI tests: a small demo workspace and the main window, in French,
// offscreen. Call from a test function, then return when QTest::currentTestFailed().

#include "core/demo/demogenerator.h"
#include "core/i18n.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QSize>
#include <QTest>

#include <memory>

namespace vigie::guitest {

/// The settings of the tests' own application, the French catalogue, and a demo workspace of
/// the given incident scale written at `path`.
inline void makeFrenchDemo(const QString &path, double incidentScale)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Ville de Marseille"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigie-test"));
    QCOMPARE(core::installTranslations(core::preferredLanguage()), QStringLiteral("fr"));
    core::DemoOptions options;
    options.incidentScale = incidentScale;
    auto made = core::createDemoStore(path, options);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
}

/// A main window that asks nothing (no dialogs), shown at `size` and exposed.
inline void showWindow(std::unique_ptr<gui::MainWindow> &window, const QSize &size)
{
    window = std::make_unique<gui::MainWindow>();
    window->setInteractive(false);
    window->resize(size);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
}

/// Opens a workspace and waits for its first complete map.
inline void openAndWaitForMap(gui::MainWindow &window, const QString &path)
{
    QSignalSpy full(&window, &gui::MainWindow::fullMapPainted);
    QVERIFY(window.openWorkspace(path));
    QTRY_COMPARE_WITH_TIMEOUT(full.count(), 1, 30000);
}

/// A main window at `size` on the workspace at `path`, its first map painted.
inline void openWindow(std::unique_ptr<gui::MainWindow> &window, const QString &path,
                       const QSize &size = QSize(1280, 800))
{
    showWindow(window, size);
    if (QTest::currentTestFailed())
        return;
    openAndWaitForMap(*window, path);
}

/// Where a test's screenshot `name` goes: VIGIE_TEST_OUTPUT (created), else the temp folder.
inline QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace vigie::guitest
