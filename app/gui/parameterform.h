// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layermanifest.h"
#include "core/processing/parameter.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QFormLayout;
class QGroupBox;

namespace vigie::gui {

/**
 * The form of an algorithm's parameters, built from their declarations (as QGIS builds its
 * Processing dialogs from parameter types): a spin box with range and unit for numbers, a check
 * box for yes/no, a list of translated labels for choices, a date or date-time editor, the
 * matching layers of the workspace for a layer, a text field otherwise. An optional parameter
 * without a default starts "not set" (left out of values()). Advanced parameters go in a group
 * that starts folded. A type that needs its own widget (a venue picker, camera edits, an area
 * list) gets it through setCustomEditor(). values() gives the raw values that
 * core::processing::validate() checks, as the command line's are.
 */
class ParameterForm : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterForm(QWidget *parent = nullptr);

    /// A parameter's own editor: `make` builds it, `value` reads it (invalid: left out).
    struct CustomEditor
    {
        std::function<QWidget *(const core::processing::ParameterDefinition &, QWidget *parent)>
            make;
        std::function<QVariant()> value;
        bool wide = false; ///< a table or a list: under its label, the form's whole width
    };
    /// Before setDefinitions(): the parameter `name` is edited by `editor`.
    void setCustomEditor(const QString &name, CustomEditor editor);
    /// The workspace's layers, offered by layer parameters (kept across setDefinitions()).
    void setLayers(const std::vector<core::LayerManifest> &layers, const QString &language);

    void setDefinitions(const core::processing::ParameterDefinitions &definitions);
    const core::processing::ParameterDefinitions &definitions() const { return m_definitions; }
    /// The editors' values by parameter name (typed: double, qlonglong, bool, QString, QDate…).
    QVariantMap values() const;
    /// The editor of a parameter (object name = the parameter's name), or null.
    QWidget *editor(const QString &name) const { return m_editors.value(name); }
    /// Adds a row under a parameter's (a button that belongs to it).
    void addRowBelow(const QString &name, QWidget *widget);

private:
    QWidget *makeEditor(const core::processing::ParameterDefinition &d, QWidget *parent);
    void fillLayerCombo(const core::processing::ParameterDefinition &d, QComboBox *combo);

    core::processing::ParameterDefinitions m_definitions;
    QFormLayout *m_form = nullptr;
    QGroupBox *m_advancedBox = nullptr;
    QFormLayout *m_advanced = nullptr;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, CustomEditor> m_custom;
    std::vector<core::LayerManifest> m_layers;
    QString m_language = QStringLiteral("fr");
};

} // namespace vigie::gui
