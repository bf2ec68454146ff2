// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
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

QString explanation(core::AnalysisKind kind)
{
    switch (kind) {
    case core::AnalysisKind::Kde:
        return AnalysisDialog::tr("A continuous surface of incident density: each incident spreads over a kernel of the chosen radius. Good to show where incidents concentrate; not a test of significance.");
    case core::AnalysisKind::RelativeRisk:
        return AnalysisDialog::tr("Incident density divided by the density of a denominator (residents, or another layer): shows where incidents are more frequent than the population alone explains. Red: higher risk; blue: lower.");
    case core::AnalysisKind::GiStar:
        return AnalysisDialog::tr("Getis-Ord Gi*: cells or areas whose neighbourhood has significantly more (hot) or fewer (cold) incidents than the city as a whole, at 90, 95 and 99 % confidence.");
    case core::AnalysisKind::LocalMoran:
        return AnalysisDialog::tr("Local Moran's I: clusters of high values (High-High), of low values (Low-Low), and outliers (a high value among low ones, or the reverse), tested by permutations.");
    case core::AnalysisKind::Dbscan:
        return AnalysisDialog::tr("DBSCAN groups incidents that have at least the minimum number of neighbours within the radius; isolated incidents are left as noise.");
    case core::AnalysisKind::StDbscan:
        return AnalysisDialog::tr("ST-DBSCAN groups incidents close in space AND in time: series of incidents (near repeats) rather than places.");
    case core::AnalysisKind::NearestNeighbour:
        return AnalysisDialog::tr("Compares the mean distance from each incident to its nearest neighbour with what a random spread over the study area would give. Below 1: clustered.");
    case core::AnalysisKind::EmergingHotSpots:
        return AnalysisDialog::tr("Builds a space-time cube (cells × time steps), finds the hot and cold spots of each step and their trend: new, intensifying, persistent, diminishing, sporadic, oscillating or historical hot spots.");
    case core::AnalysisKind::AnalysisScale:
        return AnalysisDialog::tr("Measures spatial autocorrelation at increasing distances; the first peak is a good distance band for a hot spot analysis.");
    }
    return {};
}

bool isRasterKind(core::AnalysisKind k)
{
    return k == core::AnalysisKind::Kde || k == core::AnalysisKind::RelativeRisk;
}

/// Display name of a parameter (its key is English camelCase).
QString parameterLabel(const QString &name)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("kernel"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Kernel")},
        {QStringLiteral("rule"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Bandwidth rule")},
        {QStringLiteral("bandwidth"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Bandwidth (m)")},
        {QStringLiteral("controlBandwidth"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Denominator bandwidth (m)")},
        {QStringLiteral("cellSize"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Cell size (m)")},
        {QStringLiteral("edgeCorrection"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Edge correction")},
        {QStringLiteral("perMonth"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Per month")},
        {QStringLiteral("denominator"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Denominator")},
        {QStringLiteral("grid"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Units")},
        {QStringLiteral("weights"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Neighbours")},
        {QStringLiteral("distance"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Distance band (m)")},
        {QStringLiteral("k"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Nearest neighbours (k)")},
        {QStringLiteral("value"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Value")},
        {QStringLiteral("fdr"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "FDR correction")},
        {QStringLiteral("permutations"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Permutations")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Seed")},
        {QStringLiteral("alpha"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Significance level")},
        {QStringLiteral("stepDays"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Time step (days)")},
        {QStringLiteral("neighbourDistance"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Neighbourhood (m)")},
        {QStringLiteral("neighbourSteps"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Time neighbourhood (steps)")},
        {QStringLiteral("eps"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Radius (m)")},
        {QStringLiteral("epsDays"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Time window (days)")},
        {QStringLiteral("minPoints"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Minimum incidents")},
        {QStringLiteral("borderAsNoise"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Border points as noise")},
        {QStringLiteral("startDistance"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "First distance (m)")},
        {QStringLiteral("increment"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Increment (m)")},
        {QStringLiteral("steps"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Distances tested")},
    };
    const char *l = labels.value(name, nullptr);
    return l ? QCoreApplication::translate("vigie::gui::AnalysisDialog", l) : name;
}

/// Display text of a choice value.
QString choiceLabel(const QString &value)
{
    static const QHash<QString, const char *> labels = {
        {QString(), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "automatic")},
        {QStringLiteral("quartic"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "quartic (biweight)")},
        {QStringLiteral("epanechnikov"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Epanechnikov")},
        {QStringLiteral("triangular"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "triangular")},
        {QStringLiteral("uniform"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "uniform")},
        {QStringLiteral("gaussian"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Gaussian")},
        {QStringLiteral("fixed"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "fixed (value below)")},
        {QStringLiteral("silverman"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Silverman's rule")},
        {QStringLiteral("scott"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "Scott's rule")},
        {QStringLiteral("arcgis"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "ArcGIS default rule")},
        {QStringLiteral("diggle"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "cross-validation (Diggle)")},
        {QStringLiteral("likelihood"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "cross-validation (likelihood)")},
        {QStringLiteral("square"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "square cells")},
        {QStringLiteral("hex"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "hexagons")},
        {QStringLiteral("quartiers"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "quartiers")},
        {QStringLiteral("arrondissements"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "arrondissements")},
        {QStringLiteral("distance"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "distance band")},
        {QStringLiteral("knn"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "k nearest")},
        {QStringLiteral("queen"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "contiguity (queen)")},
        {QStringLiteral("rook"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "contiguity (rook)")},
        {QStringLiteral("count"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "number of incidents")},
        {QStringLiteral("rate"), QT_TRANSLATE_NOOP("vigie::gui::AnalysisDialog", "rate per 1,000 inhabitants")},
    };
    const char *l = labels.value(value, nullptr);
    return l ? QCoreApplication::translate("vigie::gui::AnalysisDialog", l) : value;
}

} // namespace

AnalysisDialog::AnalysisDialog(core::AnalysisKind kind, const std::vector<core::LayerManifest> &layers,
                               std::int64_t from, std::int64_t to, const QString &language,
                               QWidget *parent)
    : QDialog(parent), m_layers(layers), m_language(language)
{
    setWindowTitle(tr("Run an analysis"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("analysisKind"));
    for (core::AnalysisKind k : core::allAnalysisKinds())
        m_kind->addItem(core::analysisKindTitle(k), int(k));
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
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
        return t == core::LayerSnapshot::kNoTime ? QDate::currentDate()
                                                 : QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc()).date();
    };
    m_from = new QDateEdit(toDate(from), this);
    m_to = new QDateEdit(toDate(to), this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(language == QLatin1String("fr") ? QStringLiteral("dd/MM/yyyy")
                                                            : QStringLiteral("yyyy-MM-dd"));
    }
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
    m_paramBox = new QWidget(this);
    m_paramForm = new QFormLayout(m_paramBox);
    paramLayout->addWidget(m_paramBox);
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &AnalysisDialog::kindChanged);
    connect(m_input, &QComboBox::currentIndexChanged, this, &AnalysisDialog::inputChanged);
    inputChanged();
    kindChanged();
    resize(560, sizeHint().height());
}

core::AnalysisKind AnalysisDialog::kind() const
{
    return core::AnalysisKind(m_kind->currentData().toInt());
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
    const core::AnalysisKind k = kind();
    m_kindHelp->setText(explanation(k));
    while (m_paramForm->rowCount() > 0)
        m_paramForm->removeRow(0);
    m_paramEditors.clear();
    for (const core::ParameterInfo &p : core::analysisParameters(k)) {
        QWidget *editor = nullptr;
        if (!p.choices.isEmpty()) {
            auto *combo = new QComboBox(m_paramBox);
            for (const QString &c : p.choices)
                combo->addItem(choiceLabel(c), c);
            combo->setCurrentIndex(std::max(0, combo->findData(p.defaultValue.toString())));
            editor = combo;
        } else if (p.defaultValue.typeId() == QMetaType::Bool) {
            auto *check = new QCheckBox(m_paramBox);
            check->setChecked(p.defaultValue.toBool());
            editor = check;
        } else if (p.defaultValue.typeId() == QMetaType::Int) {
            auto *spin = new QSpinBox(m_paramBox);
            spin->setRange(int(p.minimum), int(std::min(p.maximum, 2e9)));
            spin->setValue(p.defaultValue.toInt());
            editor = spin;
        } else if (p.defaultValue.typeId() == QMetaType::Double) {
            auto *spin = new QDoubleSpinBox(m_paramBox);
            spin->setDecimals(p.maximum <= 1.0 ? 3 : (p.minimum < 1.0 && p.minimum > 0.0 ? 2 : 0));
            spin->setRange(p.minimum, p.maximum > p.minimum ? p.maximum : 1e9);
            spin->setValue(p.defaultValue.toDouble());
            if (p.minimum == 0.0)
                spin->setSpecialValueText(tr("automatic"));
            editor = spin;
        } else {
            auto *edit = new QLineEdit(p.defaultValue.toString(), m_paramBox);
            editor = edit;
        }
        editor->setObjectName(p.name);
        editor->setToolTip(p.help);
        editor->setWhatsThis(p.help);
        m_paramEditors.insert(p.name, editor);
        auto *label = new QLabel(parameterLabel(p.name) + QLatin1Char(':'), m_paramBox);
        label->setToolTip(p.help);
        m_paramForm->addRow(label, editor);
    }
    if (m_paramForm->rowCount() == 0)
        m_paramForm->addRow(new QLabel(tr("No parameter: the study area is the selected area or the whole city."), m_paramBox));
    if (QWidget *row = findChild<QWidget *>(QStringLiteral("geoTiffRow")))
        row->setVisible(isRasterKind(k));
    adjustSize();
}

core::AnalysisRequest AnalysisDialog::request() const
{
    core::AnalysisRequest r;
    r.kind = kind();
    r.selection.layer = m_input->currentData().toString();
    r.selection.from = QDateTime(m_from->date(), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    r.selection.to = QDateTime(m_to->date(), QTime(23, 59, 59), QTimeZone::utc()).toSecsSinceEpoch();
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
    if (isRasterKind(r.kind))
        r.geoTiffPath = m_geoTiff->text().trimmed();
    for (auto it = m_paramEditors.begin(); it != m_paramEditors.end(); ++it) {
        QWidget *w = it.value();
        QVariant v;
        if (auto *c = qobject_cast<QComboBox *>(w))
            v = c->currentData().toString();
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            v = b->isChecked();
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            v = s->value();
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            v = d->value();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            v = e->text();
        if (!(v.typeId() == QMetaType::QString && v.toString().isEmpty()))
            r.parameters.insert(it.key(), v);
    }
    return r;
}

} // namespace vigie::gui
