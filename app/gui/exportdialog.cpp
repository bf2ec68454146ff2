// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vigie::gui {

namespace {

struct FormatChoice
{
    const char *extension;
    const char *label;
};

constexpr FormatChoice kVector[] = {
    {"gpkg", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "GeoPackage")},
    {"geojson", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "GeoJSON (longitude, latitude)")},
    {"fgb", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "FlatGeobuf")},
    {"csv", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "CSV table (longitude, latitude)")},
    {"shp", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "ESRI Shapefile")},
    {"xlsx", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "Excel workbook")},
    {"ods", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "OpenDocument spreadsheet")},
};
constexpr FormatChoice kRaster[] = {
    {"tif", QT_TRANSLATE_NOOP("vigie::gui::ExportDialog", "Cloud-optimised GeoTIFF")},
};

} // namespace

ExportDialog::ExportDialog(const core::LayerManifest &layer, const QString &title,
                           const ShownFeatures &shown, const QString &suggestedPath,
                           QWidget *parent)
    : QDialog(parent), m_layer(layer), m_shown(shown),
      m_raster(layer.geometryType == core::GeometryType::Raster)
{
    setWindowTitle(tr("Export “%1”").arg(title));
    auto *form = new QFormLayout;
    m_format = new QComboBox(this);
    if (m_raster)
        for (const FormatChoice &f : kRaster)
            m_format->addItem(
                QStringLiteral("%1 (.%2)").arg(tr(f.label), QLatin1String(f.extension)),
                QLatin1String(f.extension));
    else
        for (const FormatChoice &f : kVector)
            m_format->addItem(
                QStringLiteral("%1 (.%2)").arg(tr(f.label), QLatin1String(f.extension)),
                QLatin1String(f.extension));
    form->addRow(tr("Format:"), m_format);

    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("File:"), pathRow);

    auto *which = new QGroupBox(tr("Features to write"), this);
    auto *whichLayout = new QVBoxLayout(which);
    m_which = new QButtonGroup(this);
    auto *all = new QRadioButton(tr("All the features of the layer"), which);
    auto *shownButton = new QRadioButton(
        shown.description.isEmpty() ? tr("Those the map shows")
                                    : tr("Those the map shows (%1)").arg(shown.description),
        which);
    auto *selected = new QRadioButton(
        tr("The %n selected in the attribute table", nullptr, int(shown.selected)), which);
    m_which->addButton(all, int(Which::All));
    m_which->addButton(shownButton, int(Which::Shown));
    m_which->addButton(selected, int(Which::Selected));
    whichLayout->addWidget(all);
    whichLayout->addWidget(shownButton);
    whichLayout->addWidget(selected);
    selected->setEnabled(shown.selected > 0);
    shownButton->setChecked(true);
    which->setVisible(!m_raster);

    m_overwrite = new QCheckBox(tr("Replace the file if it exists"), this);
    m_failure = new QLabel(this);
    m_failure->setWordWrap(true);
    m_failure->setStyleSheet(QStringLiteral("color: #b00020"));
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failure->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(which);
    layout->addWidget(m_overwrite);
    layout->addWidget(m_failure);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        m_failure->hide();
        emit exportRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setFilePath(suggestedPath);
    updateState();
}

void ExportDialog::setFilePath(const QString &path)
{
    m_path->setText(path);
    const int i = m_format->findData(QFileInfo(path).suffix().toLower());
    if (i >= 0) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(i);
    }
    updateState();
}

QString ExportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setWhich(Which which)
{
    if (auto *b = m_which->button(int(which)); b && b->isEnabled())
        b->setChecked(true);
}

void ExportDialog::setOverwrite(bool overwrite)
{
    m_overwrite->setChecked(overwrite);
}

core::ExportRequest ExportDialog::request() const
{
    core::ExportRequest r;
    r.layerId = m_layer.id;
    r.path = filePath();
    r.overwrite = m_overwrite->isChecked();
    if (!m_raster) {
        switch (Which(m_which->checkedId())) {
        case Which::All:
            break;
        case Which::Shown:
            r.query = m_shown.query;
            break;
        case Which::Selected:
            r.query.fids = m_shown.selection;
            break;
        }
    }
    return r;
}

void ExportDialog::setBusy(bool busy)
{
    for (QWidget *w : findChildren<QWidget *>())
        if (w != m_buttons && !m_buttons->isAncestorOf(w) && w != m_failure)
            w->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Exporting…") : tr("Export"));
    if (!busy)
        updateState();
}

void ExportDialog::showFailure(const QString &message)
{
    setBusy(false);
    m_failure->setText(tr("The export failed, no file was written: %1").arg(message));
    m_failure->show();
}

QString ExportDialog::failureText() const
{
    return m_failure->isVisible() ? m_failure->text() : QString();
}

void ExportDialog::browse()
{
    const QString ext = m_format->currentData().toString();
    const QString filter =
        QStringLiteral("%1 (*.%2)")
            .arg(m_format->currentText().section(QStringLiteral(" ("), 0, 0), ext);
    // Replacing is confirmed by the file dialog itself.
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), filePath(), filter);
    if (path.isEmpty())
        return;
    setFilePath(QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + ext : path);
    if (QFileInfo::exists(filePath()))
        m_overwrite->setChecked(true);
}

void ExportDialog::formatChanged()
{
    const QString ext = m_format->currentData().toString();
    QString path = filePath();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    path = info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + ext;
    const QSignalBlocker block(m_path);
    m_path->setText(path);
    updateState();
}

void ExportDialog::updateState()
{
    const QString ext = QFileInfo(filePath()).suffix().toLower();
    const bool known = m_format->findData(ext) >= 0;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!filePath().isEmpty() && known);
}

} // namespace vigie::gui
