// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QVBoxLayout>

namespace vigie::gui {

namespace {
const QRegularExpression &layerIdPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return re;
}
} // namespace

ImportDialog::ImportDialog(const std::vector<core::LayerManifest> &layers, const QString &language,
                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import a file"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("GeoPackage, GeoJSON, CSV, Shapefile…"));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browseButton);
    form->addRow(tr("File:"), fileRow);

    m_target = new QComboBox(this);
    m_target->addItem(tr("New layer"), QString());
    for (const auto &m : layers)
        m_target->addItem(m.title.text(language), m.id);
    form->addRow(tr("Target layer:"), m_target);

    m_newIdLabel = new QLabel(tr("New layer id:"), this);
    m_newId = new QLineEdit(this);
    m_newId->setValidator(new QRegularExpressionValidator(layerIdPattern(), m_newId));
    m_newId->setPlaceholderText(tr("from the file name"));
    form->addRow(m_newIdLabel, m_newId);

    m_crs = new QLineEdit(this);
    m_crs->setPlaceholderText(tr("from the file"));
    m_crs->setToolTip(tr("Coordinate reference system of the file, e.g. EPSG:4326 or EPSG:2154. "
                         "Leave empty to use the one declared by the file."));
    form->addRow(tr("Coordinate system:"), m_crs);

    m_dropUnknown = new QCheckBox(tr("Ignore fields unknown to the target layer"), this);
    form->addRow(QString(), m_dropUnknown);
    m_skipInvalid = new QCheckBox(tr("Skip invalid features (and list them as warnings)"), this);
    m_skipInvalid->setToolTip(tr("Otherwise the first invalid feature stops the import and "
                                 "nothing is written."));
    form->addRow(QString(), m_skipInvalid);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(m_hint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    layout->addWidget(m_buttons);

    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ImportDialog::updateState);
    connect(m_newId, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    resize(560, sizeHint().height());
    updateState();
}

QString ImportDialog::fileFilters()
{
    return tr("Vector files (*.gpkg *.geojson *.json *.csv *.shp *.fgb *.kml *.gml *.sqlite)") +
           QStringLiteral(";;") + tr("GeoPackage (*.gpkg)") + QStringLiteral(";;") +
           tr("GeoJSON (*.geojson *.json)") + QStringLiteral(";;") +
           tr("CSV with coordinates (*.csv)") + QStringLiteral(";;") + tr("Shapefile (*.shp)") +
           QStringLiteral(";;") + tr("All files (*)");
}

void ImportDialog::browse()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("import/lastDir")).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Choose a file to import"), dir, fileFilters());
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastDir"), QFileInfo(path).absolutePath());
    setFilePath(path);
}

void ImportDialog::setFilePath(const QString &path)
{
    m_path->setText(path);
}

QString ImportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ImportDialog::updateState()
{
    const bool isNew = m_target->currentData().toString().isEmpty();
    m_newId->setEnabled(isNew);
    m_newIdLabel->setEnabled(isNew);
    m_dropUnknown->setEnabled(!isNew);
    const QString path = filePath();
    const bool isCsv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (isCsv && m_crs->text().isEmpty())
        m_crs->setPlaceholderText(tr("EPSG:4326 (longitude/latitude) if not stated"));
    else
        m_crs->setPlaceholderText(tr("from the file"));
    m_hint->setText(isCsv ? tr("A CSV file needs X/Y or longitude/latitude columns, or a WKT "
                               "column. Type EPSG:4326 for GPS coordinates.")
                          : QString());
    const bool idOk =
        !isNew || m_newId->text().isEmpty() || layerIdPattern().match(m_newId->text()).hasMatch();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!path.isEmpty() && idOk);
}

core::ImportOptions ImportDialog::options() const
{
    core::ImportOptions o;
    o.layerId = m_target->currentData().toString();
    if (o.layerId.isEmpty())
        o.newLayerId = m_newId->text().trimmed();
    o.sourceCrs = m_crs->text().trimmed();
    if (o.sourceCrs.isEmpty() && filePath().endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        o.sourceCrs = QStringLiteral("EPSG:4326");
    o.dropUnknownFields = m_dropUnknown->isChecked();
    o.skipInvalid = m_skipInvalid->isChecked();
    return o;
}

} // namespace vigie::gui
