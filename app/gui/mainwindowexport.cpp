// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's exports: Layer › Export… and File › Export layer… (issue 14).
#include "../../core/argtext.h"
#include "attributetable.h"
#include "exportdialog.h"
#include "layerpanel.h"
#include "mainwindow.h"
#include "timefilter.h"

#include "core/io/exporter.h"
#include "core/io/qgisproject.h"
#include "core/task/task.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>

namespace vigie::gui {

ShownFeatures MainWindow::shownFeatures(const QString &layerId) const
{
    ShownFeatures shown;
    const LayerState *state = nullptr;
    for (const LayerState &l : m_layers->layers())
        if (l.manifest.id == layerId)
            state = &l;
    if (!state)
        return shown;
    QStringList parts;
    const core::LayerManifest &m = state->manifest;
    const bool filtered = m_time->dataMin() <= m_time->dataMax() &&
                          (m_time->from() > m_time->dataMin() || m_time->to() < m_time->dataMax());
    if (!m.timeField.isEmpty() && filtered) {
        shown.query.from = m_time->from();
        shown.query.to = m_time->to() + 1; // the filter's last second is included
        parts << m_time->windowText();
    }
    if (!m.categoryField.isEmpty() && !m.categories.empty()) {
        QStringList visible;
        for (std::size_t i = 0; i < m.categories.size(); ++i)
            if (i >= state->categoryVisible.size() || state->categoryVisible[i])
                visible << m.categories[i].value;
        if (visible.size() < int(m.categories.size())) {
            // No visible category: nothing shown, so nothing exported (a value no row has).
            shown.query.categories =
                visible.isEmpty() ? QStringList{QStringLiteral("\x1f")} : visible;
            parts << tr("%n of %1 categories", nullptr, int(visible.size()))
                         .arg(argText(m.categories.size()));
        }
    }
    shown.description = parts.join(QStringLiteral(", "));
    if (m_table && m_table->layerId() == layerId) {
        shown.selection = m_table->selectedFids();
        shown.selected = std::int64_t(shown.selection.size());
    }
    return shown;
}

void MainWindow::exportDialog(const QString &requested)
{
    const QString layerId = requested.isEmpty() ? m_layers->currentLayerId() : requested;
    if (!m_store || layerId.isEmpty()) {
        showError(tr("Export layer"), tr("Open a workspace and choose a layer first."));
        return;
    }
    const LayerState *state = nullptr;
    for (const LayerState &l : m_layers->layers())
        if (l.manifest.id == layerId)
            state = &l;
    if (!state)
        return;
    const bool raster = state->manifest.geometryType == core::GeometryType::Raster;
    const QString folder = QFileInfo(m_path).absolutePath();
    const QString suggested = QDir(folder).filePath(
        layerId + (raster ? QStringLiteral(".tif") : QStringLiteral(".gpkg")));
    auto *dialog = new ExportDialog(state->manifest, state->title(m_language),
                                    shownFeatures(layerId), suggested, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportRequested, this, [this, dialog] {
        dialog->setBusy(true);
        QPointer<ExportDialog> guard(dialog);
        exportLayer(dialog->request(), [guard](bool ok, const QString &why) {
            if (!guard)
                return;
            if (ok)
                guard->accept();
            else
                guard->showFailure(why);
        });
    });
    dialog->open();
}

void MainWindow::exportLayer(const core::ExportRequest &request,
                             std::function<void(bool, const QString &)> done)
{
    if (!m_store)
        return;
    auto handle = m_store;
    auto summary = std::make_shared<core::ExportSummary>();
    runTask(
        tr("Exporting to %1…").arg(displayName(request.path)),
        [handle, request, summary](analytics::Feedback &feedback) {
            std::lock_guard<std::mutex> lock(handle->mutex);
            *summary = core::exportLayer(*handle->store, request, &feedback).valueOrThrow();
        },
        [this, request, summary, done](const core::Task &task) {
            if (task.status() != core::Task::Status::Finished) {
                const QString why = task.status() == core::Task::Status::Canceled
                                        ? tr("Export canceled: no file was written.")
                                        : task.errorMessage();
                if (done)
                    done(false, why);
                else
                    showError(tr("Export failed"), why);
                emit taskEnded(false);
                return;
            }
            // Only rasters are written as GeoTIFF (exportLayer refuses any other pairing).
            const bool raster =
                core::exportFormatForPath(request.path) == core::ExportFormat::GeoTiff;
            QString message =
                raster ? tr("Raster written to %1.").arg(displayName(request.path))
                       : tr("%n feature(s) written to %1.", nullptr, int(summary->features))
                             .arg(displayName(request.path));
            if (!summary->notes.isEmpty())
                message += QLatin1Char(' ') + summary->notes.join(QLatin1Char(' '));
            statusBar()->showMessage(message, 10000);
            if (done)
                done(true, message);
            emit taskEnded(true);
        });
}

void MainWindow::exportQgisProjectDialog()
{
    if (!m_store) {
        showError(tr("Export as a QGIS project"), tr("Open a workspace first."));
        return;
    }
    const QFileInfo workspace(m_path);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as a QGIS project"),
        workspace.absoluteDir().filePath(workspace.completeBaseName() + QStringLiteral(".qgz")),
        tr("QGIS projects (*.qgz *.qgs)"));
    if (path.isEmpty())
        return;
    saveProject(); // the project is written from the layer panel as it is now
    auto handle = m_store;
    const core::ProjectState state = projectState();
    const QString language = m_language;
    auto summary = std::make_shared<core::QgisProjectSummary>();
    // The file dialog asked before replacing an existing file.
    runTask(
        tr("Exporting to %1…").arg(displayName(path)),
        [handle, state, path, language, summary](analytics::Feedback &feedback) {
            std::lock_guard<std::mutex> lock(handle->mutex);
            *summary =
                core::exportQgisProject(*handle->store, state, path, language, true, &feedback)
                    .valueOrThrow();
        },
        [this, path, summary](const core::Task &task) {
            if (task.status() != core::Task::Status::Finished) {
                if (task.status() != core::Task::Status::Canceled)
                    showError(tr("Export failed"), task.errorMessage());
                emit taskEnded(false);
                return;
            }
            statusBar()->showMessage(
                tr("QGIS project with %n layer(s) written to %1.", nullptr, summary->layers)
                    .arg(displayName(path)),
                10000);
            emit taskEnded(true);
        });
}

} // namespace vigie::gui
