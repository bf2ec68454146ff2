// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layermanifest.h"
#include "core/layersnapshot.h"
#include "core/scenario/scenario.h"

#include <QPointF>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace vigie::gui {

class AreaListEditor;
class CameraEditsEditor;

/// What the Scenarios panel offers to pick from, taken from the open workspace.
struct ScenarioWorkspace
{
    std::vector<core::LayerManifest> layers; ///< the workspace's catalogue
    QStringList venues;                      ///< distinct `venue` values of the events layer
    core::LayerSnapshotPtr cameras;          ///< the cameras layer (for move / remove), may be null
    /// Polygon layers offered as action areas (quartiers, arrondissements), by layer id.
    std::map<QString, core::LayerSnapshotPtr> areaLayers;
    /// Time range of the incidents (seconds UTC), kNoTime when unknown.
    std::int64_t dataMin = core::LayerSnapshot::kNoTime;
    std::int64_t dataMax = core::LayerSnapshot::kNoTime;
};

/**
 * The Scenarios panel (dock "Scenarios", issue 6): one page per scenario algorithm, its form
 * generated from the algorithm's parameter declarations (ParameterForm: labels, units, ranges,
 * choices, help as tool tips, advanced parameters folded), with custom editors only where a
 * type needs one: the venue picker and the place clicked on the map, the camera edits made by
 * clicking the map, the list of areas. Dates start inside the workspace's data. Common to every
 * page: the incident categories, the history (the main window's Period filter), Run / Cancel, a
 * progress bar and the run's report as monospace text.
 *
 * The panel computes nothing: it builds a core::ScenarioRequest and emits runRequested(); the
 * main window runs it in the background and calls setRunning(), setProgress(), setResultText().
 */
class ScenarioPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioPanel(QWidget *parent = nullptr);
    ~ScenarioPanel() override;

    /// Refills the pickers (venues, event types, categories, areas, cameras) and resets the
    /// dates to sensible values inside the data range.
    void setWorkspace(const ScenarioWorkspace &workspace, const QString &language);
    /// The history used: [from, to] in seconds UTC; kNoTime = unbounded (the whole data).
    void setHistory(std::int64_t from, std::int64_t to);
    std::int64_t historyFrom() const { return m_historyFrom; }
    std::int64_t historyTo() const { return m_historyTo; }

    core::ScenarioKind currentKind() const;
    void setCurrentKind(core::ScenarioKind kind);

    /// The request of the current page (or of `kind`): selection and parameters as set.
    core::ScenarioRequest request() const;
    core::ScenarioRequest request(core::ScenarioKind kind) const;
    /// Parameters of the forecast evaluation (period, periods, cell size, … of the forecast page).
    QVariantMap evaluationParameters() const;

    /// The editor of a parameter on a page (a QComboBox, QSpinBox, QDoubleSpinBox, QCheckBox,
    /// QLineEdit, QDateEdit, QDateTimeEdit, QListWidget for areas, QTableWidget for camera
    /// edits), or null.
    QWidget *parameterEditor(core::ScenarioKind kind, const QString &name) const;
    /// The camera edits as the `edits` parameter: "add:x,y,dir,fov,range;move:ID:…;remove:ID".
    QString cameraEdits() const;
    /// Number of rows of the camera edits table.
    int cameraEditCount() const;

    /// Where a click on the map goes while the panel picks (see pickModeChanged()).
    enum class Pick { None, AddCamera, MoveCamera, RemoveCamera, EventPlace };
    Pick pickTarget() const { return m_pick; }
    /// Starts or ends a pick; emits pickModeChanged().
    void startPick(Pick target);

    /// Looks up a feature's attributes (set by the main window; used for camera ids).
    void setAttributeLookup(std::function<QVariantMap(const QString &, std::int64_t)> lookup);

    /// Run state: disables Run, enables Cancel and shows the progress bar.
    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    void setProgress(double percent);
    void setResultText(const QString &text);
    QString resultText() const;

public slots:
    /// A click on the map in pick mode (Lambert-93 metres, tolerance in metres).
    void pointPicked(const QPointF &mapPoint, double toleranceMapUnits);

signals:
    void runRequested();
    void evaluateRequested();
    void cancelRequested();
    /// The panel wants map clicks (true) or is done with them (false).
    void pickModeChanged(bool on);
    /// A status line for the main window (translated).
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Page;

    void buildPages();
    void buildPage(Page &page);
    void addCustomEditors(Page &page);
    void addEvaluation(Page &page);
    void fillAreas(const QString &layerId);
    void fillPickers();
    void setDefaultDates(Page &page, const QDate &lastDay);
    void updateHistoryLabel();
    void showPage(int index);
    QVariantMap parameters(const Page &page) const;
    const Page *page(core::ScenarioKind kind) const;
    void retranslateUi();

    std::vector<Page> m_pages;
    ScenarioWorkspace m_workspace;
    QString m_language = QStringLiteral("fr");
    std::int64_t m_historyFrom = core::LayerSnapshot::kNoTime;
    std::int64_t m_historyTo = core::LayerSnapshot::kNoTime;
    Pick m_pick = Pick::None;
    bool m_running = false;
    std::function<QVariantMap(const QString &, std::int64_t)> m_lookup;

    QComboBox *m_kind = nullptr;
    QLabel *m_kindHelp = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListWidget *m_categories = nullptr;
    QLabel *m_categoriesLabel = nullptr;
    QLabel *m_historyLabel = nullptr;
    QLabel *m_historyTitle = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_evaluate = nullptr;
    QSpinBox *m_evaluatePeriods = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_result = nullptr;
    CameraEditsEditor *m_edits = nullptr; ///< camera what-if
    QComboBox *m_venue = nullptr;         ///< event
    QPushButton *m_pickPlace = nullptr;
    AreaListEditor *m_areas = nullptr; ///< impact
};

} // namespace vigie::gui
