// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/analysis/analysis.h"
#include "core/layermanifest.h"
#include "core/processing/algorithm.h"

#include <QDialog>
#include <QHash>

#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace vigie::gui {

class DateField;
class ParameterForm;
} // namespace vigie::gui

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
    AnalysisDialog(const QString &algorithm, const std::vector<core::LayerManifest> &layers,
                   std::int64_t from, std::int64_t to, const QString &language,
                   QWidget *parent = nullptr);
    AnalysisDialog(core::AnalysisKind kind, const std::vector<core::LayerManifest> &layers,
                   std::int64_t from, std::int64_t to, const QString &language,
                   QWidget *parent = nullptr);

    /// The run chosen: algorithm, selection, the form's raw values.
    core::processing::AlgorithmRun run() const;
    core::AnalysisRequest request() const; ///< the same for the built-in analyses' kinds
    QString algorithm() const;
    core::AnalysisKind kind() const;
    /// The message of the last refused "Run" (empty when the values were accepted).
    const QString &lastError() const { return m_lastError; }
    ParameterForm *form() const { return m_form; }

    /// Checks the values as the command line does; shows the message or accepts.
    void checkAndAccept();

private:
    void kindChanged();
    void inputChanged();

    std::vector<core::LayerManifest> m_layers;
    QString m_language;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHelp = nullptr;
    QComboBox *m_input = nullptr;
    DateField *m_from = nullptr;
    DateField *m_to = nullptr;
    QListWidget *m_categories = nullptr;
    QComboBox *m_areaLayer = nullptr;
    QLineEdit *m_areas = nullptr;
    QComboBox *m_weight = nullptr;
    QLineEdit *m_geoTiff = nullptr;
    QLabel *m_noParameter = nullptr;
    ParameterForm *m_form = nullptr;
    QLabel *m_error = nullptr;
    QString m_lastError;
};

} // namespace vigie::gui
