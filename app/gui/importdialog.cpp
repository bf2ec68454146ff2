// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "core/argtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace vigie::gui {

namespace {

const QRegularExpression &layerIdPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return re;
}

/// The mapping roles the dialog offers, in the order of its grid.
const std::array<QString, 8> &roleTargets()
{
    using namespace core::mappingtarget;
    static const std::array<QString, 8> targets{
        occurredAt, occurredTime, occurredTo, occurredToTime, category, sourceKey, x, y};
    return targets;
}

bool isCoordinate(const QString &target)
{
    return target == core::mappingtarget::x || target == core::mappingtarget::y;
}

bool isCsv(const QString &path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
}

} // namespace

ImportDialog::ImportDialog(const std::vector<core::LayerManifest> &layers, const QString &language,
                           const QHash<QString, core::FieldMapping> &savedMappings, QWidget *parent)
    : QDialog(parent), m_saved(savedMappings)
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
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    m_newIdLabel = new QLabel(tr("Id:"), this);
    m_newId = new QLineEdit(this);
    m_newId->setValidator(new QRegularExpressionValidator(layerIdPattern(), m_newId));
    m_newId->setPlaceholderText(tr("from the file name"));
    targetRow->addWidget(m_newIdLabel);
    targetRow->addWidget(m_newId, 1);
    form->addRow(tr("Target layer:"), targetRow);

    m_crs = new QLineEdit(this);
    m_crs->setPlaceholderText(tr("from the file"));
    m_crs->setToolTip(tr("Coordinate reference system of the file, e.g. EPSG:4326 or EPSG:2154. "
                         "Leave empty to use the one declared by the file."));
    form->addRow(tr("Coordinate system:"), m_crs);

    layout->addWidget(buildMappingBox());

    m_preview = new QTableWidget(this);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->verticalHeader()->setDefaultSectionSize(22);
    m_preview->setMinimumHeight(150);
    m_preview->setMaximumHeight(190);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_preview);

    auto *checks = new QHBoxLayout;
    m_dropUnknown = new QCheckBox(tr("Ignore fields unknown to the target layer"), this);
    m_skipInvalid = new QCheckBox(tr("Skip unusable rows (and list them)"), this);
    m_skipInvalid->setToolTip(tr("Rows without a valid geometry or a readable date. Otherwise "
                                 "the first one stops the import and nothing is written."));
    checks->addWidget(m_skipInvalid);
    checks->addWidget(m_dropUnknown);
    checks->addStretch(1);
    layout->addLayout(checks);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(m_hint);
    m_failure = new QLabel(this);
    m_failure->setWordWrap(true);
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failure->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_failure->hide();
    layout->addWidget(m_failure);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    layout->addWidget(m_buttons);

    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        m_failure->hide();
        emit importRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    connect(m_path, &QLineEdit::editingFinished, this, &ImportDialog::loadPreview);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ImportDialog::targetChanged);
    connect(m_newId, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    resize(820, sizeHint().height());
    updateState();
}

QWidget *ImportDialog::buildMappingBox()
{
    auto *box = new QGroupBox(tr("Field mapping"), this);
    auto *grid = new QGridLayout(box);
    const QString labels[kRoles] = {tr("Date (or date and time):"),
                                    tr("Time:"),
                                    tr("End date:"),
                                    tr("End time:"),
                                    tr("Category:"),
                                    tr("Record key:"),
                                    tr("X or longitude:"),
                                    tr("Y or latitude:")};
    const QString tips[kRoles] = {
        tr("When the record happened: a date (03/12/2026, 2026-12-03, a month such as 2018-05) "
           "or a date and time."),
        tr("A separate time-of-day column (14:05, 14h05), when the date column has none."),
        tr("For records known only between two times (a burglary found on Monday morning): "
           "the end. An end date alone includes its whole day."),
        tr("A separate time column for the end."),
        tr("The nature of the record; the values found become the categories of a new layer."),
        tr("A column naming each record (a case number): importing the file again updates "
           "records instead of adding them twice."),
        tr("Coordinate columns; automatic: x, lon, longitude…"),
        tr("Coordinate columns; automatic: y, lat, latitude…")};
    for (int i = 0; i < kRoles; ++i) {
        m_roles[std::size_t(i)] = new QComboBox(box);
        m_roles[std::size_t(i)]->setToolTip(tips[i]);
        m_roles[std::size_t(i)]->setMinimumContentsLength(14);
        m_roles[std::size_t(i)]->setSizeAdjustPolicy(
            QComboBox::AdjustToMinimumContentsLengthWithIcon);
        auto *label = new QLabel(labels[i], box);
        label->setToolTip(tips[i]);
        grid->addWidget(label, i / 2, (i % 2) * 2);
        grid->addWidget(m_roles[std::size_t(i)], i / 2, (i % 2) * 2 + 1);
        connect(m_roles[std::size_t(i)], &QComboBox::currentIndexChanged, this,
                &ImportDialog::updateState);
    }
    m_dateOrder = new QComboBox(box);
    m_dateOrder->addItem(tr("detected from the values"), QStringLiteral("auto"));
    m_dateOrder->addItem(tr("day first (03/12/2026 = 3 December)"), QStringLiteral("dmy"));
    m_dateOrder->addItem(tr("month first (12/03/2026 = 3 December)"), QStringLiteral("mdy"));
    m_timeZone = new QLineEdit(QStringLiteral("Europe/Paris"), box);
    connect(m_timeZone, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    m_timeZone->setToolTip(tr("Time zone of the file's local dates and times, e.g. Europe/Paris, "
                              "Europe/London, UTC."));
    const int row = kRoles / 2;
    grid->addWidget(new QLabel(tr("Dates written:"), box), row, 0);
    grid->addWidget(m_dateOrder, row, 1);
    grid->addWidget(new QLabel(tr("Time zone:"), box), row, 2);
    grid->addWidget(m_timeZone, row, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    for (QComboBox *c : m_roles)
        c->addItem(tr("(none)"), QString());
    m_roles[6]->setItemText(0, tr("(automatic)"));
    m_roles[7]->setItemText(0, tr("(automatic)"));
    return box;
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
    loadPreview();
}

QString ImportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ImportDialog::loadPreview()
{
    const QString path = filePath();
    if (path == m_previewedPath)
        return;
    m_previewedPath = path;
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_columns.clear();
    if (path.isEmpty()) {
        m_summary->clear();
        return;
    }
    auto preview = core::Importer::preview(path, {}, 20);
    if (!preview) {
        m_summary->setText(preview.error().message);
        updateState();
        return;
    }
    m_columns = preview->columns;
    m_preview->setColumnCount(int(m_columns.size()));
    m_preview->setHorizontalHeaderLabels(m_columns);
    m_preview->setRowCount(int(preview->rows.size()));
    for (int r = 0; r < preview->rows.size(); ++r)
        for (int c = 0; c < preview->rows[r].size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(preview->rows[r][c]));
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 220));
    const QString count = preview->featureCount >= 0
                              ? tr("%n row(s)", nullptr, int(preview->featureCount))
                              : tr("rows: unknown until read");
    m_summary->setText(
        preview->geometryColumns.isEmpty()
            ? tr("%1, %2 column(s); the first rows:").arg(count, argText(m_columns.size()))
            : tr("%1, %2 column(s), geometry from %3; the first rows:")
                  .arg(count, argText(m_columns.size()), preview->geometryColumns));
    for (QComboBox *c : m_roles) {
        const QSignalBlocker block(c);
        while (c->count() > 1)
            c->removeItem(1);
        for (const QString &column : m_columns)
            c->addItem(column, column);
    }
    targetChanged(); // the saved mapping of the target, else one proposed from the names
}

void ImportDialog::applyMapping(const core::FieldMapping &mapping)
{
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        const int at = m_roles[i]->findData(mapping.fields.value(roleTargets()[i]));
        m_roles[i]->setCurrentIndex(std::max(at, 0));
    }
    const int order = m_dateOrder->findData(core::dateOrderName(mapping.dateOrder));
    m_dateOrder->setCurrentIndex(std::max(order, 0));
    m_timeZone->setText(mapping.timeZone.isEmpty() ? QStringLiteral("Europe/Paris")
                                                   : mapping.timeZone);
    if (!mapping.crs.isEmpty())
        m_crs->setText(mapping.crs);
}

void ImportDialog::targetChanged()
{
    const QString id = m_target->currentData().toString();
    if (!m_columns.isEmpty()) {
        const auto saved = m_saved.constFind(id);
        if (!id.isEmpty() && saved != m_saved.cend()) {
            applyMapping(*saved);
            m_hint->setText(tr("The mapping of the last import into this layer is proposed."));
        } else {
            applyMapping(core::suggestMapping(m_columns));
            m_hint->clear();
        }
    }
    updateState();
}

void ImportDialog::setRoleColumn(const QString &target, const QString &column)
{
    for (std::size_t i = 0; i < m_roles.size(); ++i)
        if (roleTargets()[i] == target)
            m_roles[i]->setCurrentIndex(std::max(m_roles[i]->findData(column), 0));
}

QString ImportDialog::roleColumn(const QString &target) const
{
    for (std::size_t i = 0; i < m_roles.size(); ++i)
        if (roleTargets()[i] == target)
            return m_roles[i]->currentData().toString();
    return {};
}

void ImportDialog::setTargetLayer(const QString &layerId)
{
    m_target->setCurrentIndex(std::max(m_target->findData(layerId), 0));
}

void ImportDialog::setNewLayerId(const QString &id)
{
    m_newId->setText(id);
}

void ImportDialog::setTimeZone(const QString &zone)
{
    m_timeZone->setText(zone);
}

QString ImportDialog::timeZone() const
{
    return m_timeZone->text().trimmed();
}

void ImportDialog::setSkipInvalid(bool skip)
{
    m_skipInvalid->setChecked(skip);
}

void ImportDialog::updateState()
{
    if (!m_buttons) // still being built
        return;
    const bool isNew = m_target->currentData().toString().isEmpty();
    m_newId->setEnabled(isNew && !m_busy);
    m_newIdLabel->setEnabled(isNew);
    m_dropUnknown->setEnabled(!isNew && !m_busy);
    const QString path = filePath();
    if (isCsv(path) && m_crs->text().isEmpty())
        m_crs->setPlaceholderText(tr("EPSG:4326 (longitude/latitude) if not stated"));
    else
        m_crs->setPlaceholderText(tr("from the file"));
    const bool dated = !roleColumn(core::mappingtarget::occurredAt).isEmpty();
    const bool partial =
        dated == false && (!roleColumn(core::mappingtarget::occurredTime).isEmpty() ||
                           !roleColumn(core::mappingtarget::occurredTo).isEmpty());
    if (partial)
        m_hint->setText(tr("A time or an end needs the date column."));
    const bool zoneOk = QTimeZone(m_timeZone->text().trimmed().toUtf8()).isValid();
    m_timeZone->setStyleSheet(zoneOk ? QString() : QStringLiteral("color: #b00020;"));
    const bool idOk =
        !isNew || m_newId->text().isEmpty() || layerIdPattern().match(m_newId->text()).hasMatch();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!path.isEmpty() && idOk && !partial && zoneOk && !m_busy);
}

core::ImportOptions ImportDialog::options() const
{
    core::ImportOptions o;
    o.layerId = m_target->currentData().toString();
    if (o.layerId.isEmpty())
        o.newLayerId = m_newId->text().trimmed();
    o.sourceCrs = m_crs->text().trimmed();
    if (o.sourceCrs.isEmpty() && isCsv(filePath()))
        o.sourceCrs = QStringLiteral("EPSG:4326");
    o.dropUnknownFields = m_dropUnknown->isChecked();
    o.skipInvalid = m_skipInvalid->isChecked();
    o.xField = roleColumn(core::mappingtarget::x);
    o.yField = roleColumn(core::mappingtarget::y);
    // A mapping only when a role of the record is chosen; coordinates alone are plain options.
    core::FieldMapping m;
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        const QString column = m_roles[i]->currentData().toString();
        if (!column.isEmpty() && !isCoordinate(roleTargets()[i]))
            m.fields.insert(roleTargets()[i], column);
    }
    if (!m.isEmpty()) {
        if (!o.xField.isEmpty())
            m.fields.insert(core::mappingtarget::x, o.xField);
        if (!o.yField.isEmpty())
            m.fields.insert(core::mappingtarget::y, o.yField);
        m.dateOrder = core::dateOrderFromName(m_dateOrder->currentData().toString())
                          .value_or(core::DateOrder::Auto);
        m.timeZone = m_timeZone->text().trimmed();
        const auto saved = m_saved.constFind(o.layerId);
        if (saved != m_saved.cend())
            m.categories = saved->categories; // the layer's own category mapping is kept
        o.mapping = m;
    }
    return o;
}

void ImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_path, m_target, m_crs, m_dateOrder,
                                                       m_timeZone, m_skipInvalid})
        w->setEnabled(!busy);
    for (QComboBox *c : m_roles)
        c->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Importing…") : tr("Import"));
    updateState();
}

void ImportDialog::showFailure(const QString &message)
{
    setBusy(false);
    m_failure->setText(tr("The import failed, nothing was written: %1").arg(message));
    m_failure->show();
}

QString ImportDialog::failureText() const
{
    return m_failure->isVisible() ? m_failure->text() : QString();
}

int ImportDialog::previewColumns() const
{
    return m_preview->columnCount();
}

int ImportDialog::previewRows() const
{
    return m_preview->rowCount();
}

} // namespace vigie::gui
