// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/processing/parameter.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

class QFormLayout;
class QGroupBox;

namespace vigie::gui {

/**
 * The form of an algorithm's parameters, built from their declarations (as QGIS builds its
 * Processing dialogs from parameter types): a spin box with range and unit for numbers, a check
 * box for yes/no, a list of translated labels for choices, a date or date-time editor, a text
 * field otherwise. Advanced parameters go in a group that starts folded. values() gives the
 * raw values that core::processing::validate() checks, as the command line's are.
 */
class ParameterForm : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterForm(QWidget *parent = nullptr);

    void setDefinitions(const core::processing::ParameterDefinitions &definitions);
    const core::processing::ParameterDefinitions &definitions() const { return m_definitions; }
    /// The editors' values by parameter name (typed: double, qlonglong, bool, QString, QDate…).
    QVariantMap values() const;
    /// The editor of a parameter (object name = the parameter's name), or null.
    QWidget *editor(const QString &name) const { return m_editors.value(name); }

private:
    QWidget *makeEditor(const core::processing::ParameterDefinition &d, QWidget *parent);

    core::processing::ParameterDefinitions m_definitions;
    QFormLayout *m_form = nullptr;
    QGroupBox *m_advancedBox = nullptr;
    QFormLayout *m_advanced = nullptr;
    QHash<QString, QWidget *> m_editors;
};

} // namespace vigie::gui
