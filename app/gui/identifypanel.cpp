// SPDX-License-Identifier: GPL-3.0-or-later
#include "identifypanel.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTimeZone>
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
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    retranslateUi();
    showNothing();
}

void IdentifyPanel::retranslateUi()
{
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
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
    m_empty = false;
    QString name;
    if (!manifest.labelField.isEmpty())
        name = attributes.value(manifest.labelField).toString();
    m_title->setText(name.isEmpty() ? manifest.title.text(language)
                                    : tr("%1 — %2").arg(manifest.title.text(language), name));
    m_table->setRowCount(0);
    auto addRow = [this](const QString &label, const QString &value) {
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
    };
    QStringList shown;
    for (const core::FieldDef &field : manifest.fields) {
        if (!attributes.contains(field.name))
            continue;
        QVariant value = attributes.value(field.name);
        QString text = formatValue(value, field.type);
        if (field.name == manifest.categoryField) {
            const int c = manifest.categoryIndex(value.toString());
            if (c >= 0)
                text = manifest.categories[c].label.text(language);
        }
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
    m_table->setRowCount(0);
    m_title->setText(tr("Click on the map with the Identify tool."));
}

void IdentifyPanel::showMessage(const QString &message)
{
    m_empty = false;
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
