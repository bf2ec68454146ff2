// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterform.h"

#include "datefield.h"

#include "core/cityzone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

#include <cmath>

namespace vigie::gui {

using core::processing::ParameterDefinition;
using core::processing::ParameterType;

ParameterForm::ParameterForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_advancedBox = new QGroupBox(tr("Advanced parameters"), this);
    m_advancedBox->setObjectName(QStringLiteral("advancedParameters"));
    m_advancedBox->setCheckable(true);
    m_advancedBox->setChecked(false);
    auto *inner = new QWidget(m_advancedBox);
    m_advanced = new QFormLayout(inner);
    m_advanced->setContentsMargins(0, 0, 0, 0);
    auto *boxLayout = new QVBoxLayout(m_advancedBox);
    boxLayout->addWidget(inner);
    inner->setVisible(false);
    connect(m_advancedBox, &QGroupBox::toggled, inner, &QWidget::setVisible);
    layout->addWidget(m_advancedBox);
}

namespace {

/// Optional without a default: the editor starts at its minimum, shown as "not set".
bool startsUnset(const ParameterDefinition &d)
{
    return d.isOptional() && !d.defaultValue().isValid();
}

} // namespace

void ParameterForm::setCustomEditor(const QString &name, CustomEditor editor)
{
    m_custom.insert(name, std::move(editor));
}

void ParameterForm::setLayers(const std::vector<core::LayerManifest> &layers,
                              const QString &language)
{
    m_layers = layers;
    m_language = language;
    for (const ParameterDefinition &d : m_definitions)
        if (d.type() == ParameterType::Layer && !m_custom.contains(d.name()))
            if (auto *combo = qobject_cast<QComboBox *>(m_editors.value(d.name())))
                fillLayerCombo(d, combo);
}

void ParameterForm::fillLayerCombo(const ParameterDefinition &d, QComboBox *combo)
{
    const QString was = combo->count() ? combo->currentData().toString() : d.defaultText();
    QSignalBlocker block(combo);
    combo->clear();
    for (const core::LayerManifest &m : m_layers)
        if (!d.geometryType() || m.geometryType == *d.geometryType())
            combo->addItem(m.title.text(m_language), m.id);
    if (combo->findData(was) < 0 && !was.isEmpty())
        combo->addItem(was, was); // named by the declaration, not (yet) in the workspace
    combo->setCurrentIndex(std::max(0, combo->findData(was)));
    block.unblock();
    emit combo->currentIndexChanged(combo->currentIndex());
}

void ParameterForm::addRowBelow(const QString &name, QWidget *widget)
{
    QWidget *editor = m_editors.value(name);
    for (QFormLayout *f : {m_form, m_advanced}) {
        int row = -1;
        QFormLayout::ItemRole role;
        f->getWidgetPosition(editor, &row, &role);
        if (row >= 0) {
            f->insertRow(row + 1, QString(), widget);
            return;
        }
    }
    m_form->addRow(widget);
}

QWidget *ParameterForm::makeEditor(const ParameterDefinition &d, QWidget *parent)
{
    const QString unit = d.unit().isEmpty() ? QString() : QLatin1Char(' ') + d.unitSymbol();
    if (const auto custom = m_custom.constFind(d.name()); custom != m_custom.cend())
        return custom->make(d, parent);
    switch (d.type()) {
    case ParameterType::Number: {
        auto *spin = new QDoubleSpinBox(parent);
        const double span = d.hasRange() ? d.maximum() - d.minimum() : 1e9;
        spin->setDecimals(d.hasRange() && d.maximum() <= 1                     ? 3
                          : (d.minimum() > 0 && d.minimum() < 1) || span <= 10 ? 2
                                                                               : 0);
        spin->setRange(d.minimum(), d.hasRange() ? d.maximum() : 1e9);
        spin->setSuffix(unit);
        spin->setValue(startsUnset(d) ? d.minimum() : d.defaultValue().toDouble());
        if (startsUnset(d))
            spin->setSpecialValueText(tr("not set"));
        // 0 means "chosen from the data" for the parameters whose range starts there.
        else if (d.minimum() == 0.0 && d.defaultValue().toDouble() == 0.0)
            spin->setSpecialValueText(tr("automatic"));
        return spin;
    }
    case ParameterType::Integer: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(int(d.minimum()), int(std::min(d.maximum(), 2e9)));
        spin->setSuffix(unit);
        spin->setValue(d.defaultValue().toInt());
        return spin;
    }
    case ParameterType::Boolean: {
        auto *check = new QCheckBox(parent);
        check->setChecked(d.defaultValue().toBool());
        return check;
    }
    case ParameterType::Choice: {
        auto *combo = new QComboBox(parent);
        for (const auto &c : d.choices())
            combo->addItem(c.label, c.value);
        combo->setCurrentIndex(std::max(0, combo->findData(d.defaultValue().toString())));
        return combo;
    }
    case ParameterType::Date:
    case ParameterType::DateTime: {
        const bool withTime = d.type() == ParameterType::DateTime;
        auto *edit =
            new DateField(withTime ? DateField::Mode::DateTime : DateField::Mode::Date, parent);
        if (startsUnset(d)) {
            edit->setEmptyText(tr("automatic"));
            edit->clear();
        } else if (withTime) {
            edit->setDateTime(d.defaultValue().isValid() ? d.defaultValue().toDateTime()
                                                         : QDateTime::currentDateTimeUtc());
        } else {
            edit->setDate(d.defaultValue().isValid() ? d.defaultValue().toDate()
                                                     : QDate::currentDate());
        }
        return edit;
    }
    case ParameterType::Layer: {
        auto *combo = new QComboBox(parent);
        fillLayerCombo(d, combo);
        return combo;
    }
    default: {
        auto *edit = new QLineEdit(d.defaultText(), parent);
        edit->setPlaceholderText(d.isOptional() ? tr("optional") : QString());
        return edit;
    }
    }
}

void ParameterForm::setDefinitions(const core::processing::ParameterDefinitions &definitions)
{
    m_definitions = definitions;
    for (QFormLayout *f : {m_form, m_advanced})
        while (f->rowCount() > 0)
            f->removeRow(0);
    m_editors.clear();
    bool anyAdvanced = false;
    for (const ParameterDefinition &d : m_definitions) {
        if (d.isHidden())
            continue;
        QFormLayout *target = d.isAdvanced() ? m_advanced : m_form;
        anyAdvanced = anyAdvanced || d.isAdvanced();
        QWidget *editor = makeEditor(d, target->parentWidget());
        editor->setObjectName(d.name());
        const QString help = d.describe();
        editor->setToolTip(help);
        editor->setWhatsThis(help);
        auto *label = new QLabel(tr("%1:").arg(d.label()), target->parentWidget());
        label->setToolTip(help);
        if (m_custom.value(d.name()).wide) {
            target->addRow(label);
            target->addRow(editor);
        } else {
            target->addRow(label, editor);
        }
        m_editors.insert(d.name(), editor);
    }
    m_advancedBox->setVisible(anyAdvanced);
}

QVariantMap ParameterForm::values() const
{
    QVariantMap out;
    for (const ParameterDefinition &d : m_definitions) {
        QWidget *w = m_editors.value(d.name());
        if (!w)
            continue;
        QVariant v;
        const bool unset = startsUnset(d);
        if (const auto custom = m_custom.constFind(d.name()); custom != m_custom.cend())
            v = custom->value();
        else if (auto *c = qobject_cast<QComboBox *>(w))
            v = c->currentData().toString();
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            v = b->isChecked();
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            v = unset && s->value() == s->minimum() ? QVariant() : QVariant(qlonglong(s->value()));
        else if (auto *n = qobject_cast<QDoubleSpinBox *>(w))
            v = unset && n->value() == n->minimum() ? QVariant() : QVariant(n->value());
        else if (auto *df = qobject_cast<DateField *>(w))
            v = !df->dateTime().isValid()                 ? QVariant()
                : df->mode() == DateField::Mode::DateTime ? QVariant(df->dateTime())
                                                          : QVariant(df->date());
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            v = e->text();
        if (!v.isValid())
            continue;
        if (v.typeId() == QMetaType::QString && v.toString().isEmpty() &&
            qobject_cast<QComboBox *>(w) == nullptr)
            continue;
        out.insert(d.name(), v);
    }
    return out;
}

} // namespace vigie::gui
