// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisdialog.h"
#include "datefield.h"
#include "parameterform.h"

#include "core/calendar.h"
#include "core/processing/algorithm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace vigie::gui {

namespace {

const core::processing::Algorithm *algorithmOf(const QString &id)
{
    return core::processing::AlgorithmRegistry::instance().find(id);
}

} // namespace

AnalysisDialog::AnalysisDialog(core::AnalysisKind kind,
                               const std::vector<core::LayerManifest> &layers, std::int64_t from,
                               std::int64_t to, const QString &language, QWidget *parent)
    : AnalysisDialog(core::analysisKindKey(kind), layers, from, to, language, parent)
{
}

AnalysisDialog::AnalysisDialog(const QString &algorithm,
                               const std::vector<core::LayerManifest> &layers, std::int64_t from,
                               std::int64_t to, const QString &language, QWidget *parent)
    : QDialog(parent), m_layers(layers), m_language(language)
{
    setWindowTitle(tr("Run an analysis"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("analysisKind"));
    for (const core::processing::Algorithm *a :
         core::processing::AlgorithmRegistry::instance().algorithms(
             core::processing::AlgorithmGroup::Analysis))
        m_kind->addItem(a->title(), a->id());
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(algorithm)));
    top->addRow(tr("Analysis:"), m_kind);
    m_kindHelp = new QLabel(this);
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setStyleSheet(QStringLiteral("color: palette(mid);"));
    top->addRow(QString(), m_kindHelp);
    layout->addLayout(top);

    // What is analysed.
    auto *selBox = new QGroupBox(tr("Incidents analysed"), this);
    auto *sel = new QFormLayout(selBox);
    m_input = new QComboBox(this);
    for (const core::LayerManifest &m : m_layers)
        if (m.geometryType == core::GeometryType::Point)
            m_input->addItem(m.title.text(language), m.id);
    const int incidents = m_input->findData(QStringLiteral("incidents"));
    if (incidents >= 0)
        m_input->setCurrentIndex(incidents);
    sel->addRow(tr("Layer:"), m_input);
    auto *period = new QHBoxLayout;
    auto toDate = [](std::int64_t t) {
        return t == core::LayerSnapshot::kNoTime ? QDate::currentDate() : core::cityDay(t);
    };
    m_from = new DateField(DateField::Mode::Date, this);
    m_to = new DateField(DateField::Mode::Date, this);
    m_from->setDate(toDate(from));
    m_to->setDate(toDate(to));
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    sel->addRow(tr("Period:"), period);
    m_categories = new QListWidget(this);
    m_categories->setMaximumHeight(110);
    m_categories->setToolTip(tr("Categories analysed (all ticked: every category)."));
    sel->addRow(tr("Categories:"), m_categories);
    m_areaLayer = new QComboBox(this);
    m_areaLayer->addItem(tr("Whole city"), QString());
    for (const core::LayerManifest &m : m_layers)
        if (m.geometryType == core::GeometryType::Polygon && !m.labelField.isEmpty() &&
            (m.id == QLatin1String("quartiers") || m.id == QLatin1String("arrondissements")))
            m_areaLayer->addItem(m.title.text(language), m.id);
    m_areas = new QLineEdit(this);
    m_areas->setPlaceholderText(tr("names or codes, comma-separated (e.g. Belsunce, Noailles)"));
    auto *area = new QHBoxLayout;
    area->addWidget(m_areaLayer);
    area->addWidget(m_areas, 1);
    sel->addRow(tr("Area:"), area);
    m_weight = new QComboBox(this);
    sel->addRow(tr("Weight:"), m_weight);
    layout->addWidget(selBox);

    // Parameters of the kind.
    auto *paramGroup = new QGroupBox(tr("Parameters"), this);
    auto *paramLayout = new QVBoxLayout(paramGroup);
    m_noParameter = new QLabel(
        tr("No parameter: the study area is the selected area or the whole city."), this);
    paramLayout->addWidget(m_noParameter);
    m_form = new ParameterForm(this);
    paramLayout->addWidget(m_form);
    layout->addWidget(paramGroup);

    auto *tiff = new QHBoxLayout;
    m_geoTiff = new QLineEdit(this);
    m_geoTiff->setPlaceholderText(tr("optional: also write the raster as a GeoTIFF"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("GeoTIFF file"), m_geoTiff->text(),
                                                       tr("GeoTIFF (*.tif *.tiff)"));
        if (!f.isEmpty())
            m_geoTiff->setText(f);
    });
    tiff->addWidget(m_geoTiff, 1);
    tiff->addWidget(browse);
    auto *tiffRow = new QWidget(this);
    tiffRow->setObjectName(QStringLiteral("geoTiffRow"));
    tiffRow->setLayout(tiff);
    layout->addWidget(tiffRow);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("parameterError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b2182b;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AnalysisDialog::checkAndAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &AnalysisDialog::kindChanged);
    connect(m_input, &QComboBox::currentIndexChanged, this, &AnalysisDialog::inputChanged);
    inputChanged();
    kindChanged();
    resize(560, sizeHint().height());
}

QString AnalysisDialog::algorithm() const
{
    return m_kind->currentData().toString();
}

core::AnalysisKind AnalysisDialog::kind() const
{
    return core::analysisKindFromKey(algorithm()).value_or(core::AnalysisKind::Kde);
}

void AnalysisDialog::checkAndAccept()
{
    // The checks the command line makes, with the same message.
    if (auto checked = core::processing::validate(m_form->definitions(), m_form->values());
        !checked) {
        m_lastError = checked.error().message;
        m_error->setText(m_lastError);
        m_error->show();
        return;
    }
    m_lastError.clear();
    m_error->hide();
    accept();
}

void AnalysisDialog::inputChanged()
{
    m_categories->clear();
    m_weight->clear();
    m_weight->addItem(tr("none (each incident counts 1)"), QString());
    const QString id = m_input->currentData().toString();
    for (const core::LayerManifest &m : m_layers) {
        if (m.id != id)
            continue;
        for (const core::CategoryDef &c : m.categories) {
            auto *item = new QListWidgetItem(c.label.text(m_language), m_categories);
            item->setData(Qt::UserRole, c.value);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        for (const core::FieldDef &f : m.fields)
            if (f.type == core::FieldType::Integer || f.type == core::FieldType::Real)
                m_weight->addItem(f.label.text(m_language), f.name);
    }
    m_categories->setEnabled(m_categories->count() > 0);
}

void AnalysisDialog::kindChanged()
{
    const core::processing::Algorithm *a = algorithmOf(algorithm());
    m_kindHelp->setText(a ? a->explanation() : QString());
    m_form->setDefinitions(a ? a->parameters() : core::processing::ParameterDefinitions{});
    m_noParameter->setVisible(m_form->definitions().empty());
    if (QWidget *row = findChild<QWidget *>(QStringLiteral("geoTiffRow")))
        row->setVisible(a && a->makesRaster());
    adjustSize();
}

core::processing::AlgorithmRun AnalysisDialog::run() const
{
    core::processing::AlgorithmRun r;
    r.algorithm = algorithm();
    r.selection.layer = m_input->currentData().toString();
    r.selection.from = core::dayStartSecs(m_from->date());
    r.selection.to = core::dayEndSecs(m_to->date());
    bool all = true;
    QStringList cats;
    for (int i = 0; i < m_categories->count(); ++i) {
        const QListWidgetItem *item = m_categories->item(i);
        if (item->checkState() == Qt::Checked)
            cats << item->data(Qt::UserRole).toString();
        else
            all = false;
    }
    if (!all)
        r.selection.categories = cats;
    r.selection.areaLayer = m_areaLayer->currentData().toString();
    if (!r.selection.areaLayer.isEmpty())
        r.selection.areas = m_areas->text().split(u',', Qt::SkipEmptyParts);
    for (QString &a : r.selection.areas)
        a = a.trimmed();
    r.selection.weightField = m_weight->currentData().toString();
    const core::processing::Algorithm *a = algorithmOf(r.algorithm);
    if (a && a->makesRaster())
        r.geoTiffPath = m_geoTiff->text().trimmed();
    r.parameters = m_form->values();
    return r;
}

core::AnalysisRequest AnalysisDialog::request() const
{
    const core::processing::AlgorithmRun r = run();
    core::AnalysisRequest q;
    q.kind = kind();
    q.selection = r.selection;
    q.parameters = r.parameters;
    q.geoTiffPath = r.geoTiffPath;
    return q;
}

} // namespace vigie::gui
