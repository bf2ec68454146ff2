// SPDX-License-Identifier: GPL-3.0-or-later
#include "identifypanel.h"

#include "core/pvalue.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace vigie::gui {

IdentifyPanel::IdentifyPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_table = new QTableWidget(0, 2, this);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->setColumnWidth(0, 130);
    m_count = new QLabel(this);
    m_list = new QComboBox(this);
    m_list->setObjectName(QStringLiteral("identifyHits"));
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(12);
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("identifyClear"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addWidget(m_clear);
    layout->addWidget(m_title);
    layout->addWidget(m_count);
    layout->addLayout(row);
    layout->addWidget(m_table, 1);
    connect(m_list, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < hitCount() && index != m_current) {
            setCurrentHit(index);
            emit hitChanged(index);
        }
    });
    connect(m_clear, &QToolButton::clicked, this, [this] {
        showNothing();
        emit clearRequested();
    });
    retranslateUi();
    showNothing();
}

QString IdentifyPanel::hitTitle(const IdentifyHit &hit)
{
    QString name;
    if (!hit.manifest.labelField.isEmpty())
        name = hit.attributes.value(hit.manifest.labelField).toString();
    if (hit.rasterValue)
        name = QLocale().toString(*hit.rasterValue, 'g', 4);
    return name.isEmpty() ? hit.layerTitle : tr("%1 — %2").arg(hit.layerTitle, name);
}

void IdentifyPanel::showHits(std::vector<IdentifyHit> hits, const QString &language)
{
    m_language = language;
    m_hits = std::move(hits);
    m_current = -1;
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const IdentifyHit &h : m_hits)
            m_list->addItem(hitTitle(h));
    }
    const bool several = m_hits.size() > 1;
    m_list->setVisible(several);
    m_count->setVisible(several);
    m_count->setText(tr("%n feature(s) under the cursor:", nullptr, hitCount()));
    m_clear->setVisible(!m_hits.empty());
    if (m_hits.empty())
        showMessage(tr("No feature here."));
    else
        setCurrentHit(0);
}

void IdentifyPanel::setCurrentHit(int index)
{
    if (index < 0 || index >= hitCount())
        return;
    m_current = index;
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentIndex(index);
    }
    showHit(m_hits[index]);
}

QStringList IdentifyPanel::hitTitles() const
{
    QStringList out;
    for (const IdentifyHit &h : m_hits)
        out << hitTitle(h);
    return out;
}

void IdentifyPanel::retranslateUi()
{
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear the result and its mark on the map"));
    m_count->setText(tr("%n feature(s) under the cursor:", nullptr, hitCount()));
    if (m_current >= 0 && m_current < hitCount()) {
        const QSignalBlocker block(m_list);
        for (int i = 0; i < hitCount(); ++i)
            m_list->setItemText(i, hitTitle(m_hits[i]));
    }
    if (m_empty)
        m_title->setText(tr("Click on the map with the Identify tool."));
}

void IdentifyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString IdentifyPanel::formatValue(const QVariant &value, core::FieldType type)
{
    if (!value.isValid() || value.isNull())
        return QString();
    const QLocale locale;
    switch (type) {
    case core::FieldType::DateTime: {
        QDateTime dt = value.typeId() == QMetaType::QDateTime
                           ? value.toDateTime()
                           : QDateTime::fromString(value.toString(), Qt::ISODate);
        if (!dt.isValid())
            return value.toString();
        if (dt.timeSpec() == Qt::LocalTime && value.typeId() != QMetaType::QDateTime)
            dt.setTimeZone(QTimeZone::utc()); // stored strings without offset are UTC
        return locale.toString(dt.toLocalTime(), QLocale::ShortFormat);
    }
    case core::FieldType::Integer: {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        return ok ? locale.toString(v) : value.toString();
    }
    case core::FieldType::Real: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        return ok ? locale.toString(v, 'f', std::abs(v) >= 100 ? 1 : 2) : value.toString();
    }
    case core::FieldType::Boolean:
        return value.toBool() ? tr("Yes") : tr("No");
    case core::FieldType::String:
        break;
    }
    return value.toString();
}

void IdentifyPanel::showFeature(const core::LayerManifest &manifest, const QVariantMap &attributes,
                                const QString &language)
{
    IdentifyHit hit;
    hit.manifest = manifest;
    hit.layerTitle = manifest.title.text(language);
    hit.attributes = attributes;
    std::vector<IdentifyHit> hits;
    hits.push_back(std::move(hit));
    showHits(std::move(hits), language);
}

void IdentifyPanel::addRow(const QString &label, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *l = new QTableWidgetItem(label);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    m_table->setItem(row, 0, l);
    auto *v = new QTableWidgetItem(value);
    v->setToolTip(value);
    m_table->setItem(row, 1, v);
}

void IdentifyPanel::showHit(const IdentifyHit &hit)
{
    m_empty = false;
    const core::LayerManifest &manifest = hit.manifest;
    const QString &language = m_language;
    const QVariantMap &attributes = hit.attributes;
    m_title->setText(hitTitle(hit));
    m_table->setRowCount(0);
    if (hit.rasterValue) {
        addRow(tr("Value of the cell"), QLocale().toString(*hit.rasterValue, 'g', 6));
        m_table->resizeColumnToContents(0);
        m_table->resizeRowsToContents();
        return;
    }
    QStringList shown;
    for (const core::FieldDef &field : manifest.fields) {
        if (!attributes.contains(field.name))
            continue;
        QVariant value = attributes.value(field.name);
        QString text = formatValue(value, field.type);
        if (field.type == core::FieldType::Real && core::isPValueField(field.name))
            text = core::pValueNumber(value.toDouble(), QLocale());
        if (field.name == manifest.categoryField) {
            const int c = manifest.categoryIndex(value.toString());
            if (c >= 0)
                text = manifest.categories[c].label.text(language);
        }
        if (const auto it = hit.valueNames.constFind(field.name); it != hit.valueNames.cend())
            text = *it;
        const QString label = field.label.text(language);
        addRow(label.isEmpty() ? field.name : label, text);
        shown << field.name;
    }
    // Provenance columns, with readable labels; other unknown columns by their raw names.
    const std::pair<const char *, QString> provenance[] = {
        {"fid", tr("Feature number")},    {"_source", tr("Source")},
        {"_hub_id", tr("Id on the hub")}, {"_hub_updated_at", tr("Updated on the hub")},
        {"_synced_at", tr("Stored on")},
    };
    const int firstProvenanceRow = m_table->rowCount();
    for (const auto &[key, label] : provenance) {
        const QString name = QString::fromLatin1(key);
        shown << name;
        const QVariant value = attributes.value(name);
        if (value.isNull() || value.toString().isEmpty())
            continue;
        const bool isTime = name.endsWith(QLatin1String("_at"));
        addRow(label,
               formatValue(value, isTime ? core::FieldType::DateTime : core::FieldType::String));
    }
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        if (shown.contains(it.key()) || it.value().toString().isEmpty())
            continue;
        addRow(it.key(), it.value().toString());
    }
    for (int r = firstProvenanceRow; r < m_table->rowCount(); ++r)
        for (int c = 0; c < 2; ++c)
            if (auto *item = m_table->item(r, c))
                item->setForeground(QColor(0x70, 0x70, 0x70));
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 145));
    m_table->resizeRowsToContents();
}

void IdentifyPanel::showNothing()
{
    m_empty = true;
    m_hits.clear();
    m_current = -1;
    m_list->clear();
    m_list->hide();
    m_count->hide();
    m_clear->hide();
    m_table->setRowCount(0);
    m_title->setText(tr("Click on the map with the Identify tool."));
}

void IdentifyPanel::showMessage(const QString &message)
{
    m_empty = false;
    if (m_hits.empty()) {
        m_list->hide();
        m_count->hide();
    }
    m_table->setRowCount(0);
    m_title->setText(message);
}

QStringList IdentifyPanel::lines() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *l = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        out << QStringLiteral("%1: %2").arg(l ? l->text() : QString(), v ? v->text() : QString());
    }
    return out;
}

QString IdentifyPanel::title() const
{
    return m_title->text();
}

} // namespace vigie::gui
