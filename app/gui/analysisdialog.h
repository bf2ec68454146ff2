// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/analysis/analysis.h"
#include "core/layermanifest.h"

#include <QDialog>
#include <QHash>

#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace vigie::gui {

/**
 * Analysis → …: the analysis kind, what to analyse (layer, period, categories, areas, weight) and
 * the kind's parameters, each with its default and an explanation. Produces an AnalysisRequest.
 */
class AnalysisDialog : public QDialog
{
    Q_OBJECT

public:
    /// `layers`: the workspace's layers (point layers are offered as input, polygon layers as
    /// areas); the period starts as [from, to] (seconds UTC).
    AnalysisDialog(core::AnalysisKind kind, const std::vector<core::LayerManifest> &layers,
                   std::int64_t from, std::int64_t to, const QString &language,
                   QWidget *parent = nullptr);

    core::AnalysisRequest request() const;
    core::AnalysisKind kind() const;

private:
    void kindChanged();
    void inputChanged();

    std::vector<core::LayerManifest> m_layers;
    QString m_language;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHelp = nullptr;
    QComboBox *m_input = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QListWidget *m_categories = nullptr;
    QComboBox *m_areaLayer = nullptr;
    QLineEdit *m_areas = nullptr;
    QComboBox *m_weight = nullptr;
    QLineEdit *m_geoTiff = nullptr;
    QWidget *m_paramBox = nullptr;
    QFormLayout *m_paramForm = nullptr;
    QHash<QString, QWidget *> m_paramEditors;
};

} // namespace vigie::gui
