// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/fieldmapping.h"
#include "core/io/importer.h"
#include "core/layermanifest.h"

#include <QDialog>
#include <QHash>

#include <array>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace vigie::gui {

/**
 * File -> Import…: the file with a preview of its first rows, the target layer (a new one or a
 * layer of the workspace), the CRS, and the field mapping of a records export (date and time,
 * end of a span, category, record key, coordinates; how dates are written and their time zone).
 * The mapping is proposed from the column names, or taken from the last import into the chosen
 * layer. The dialog stays open while the import runs and after a failure, which it shows, with
 * everything entered kept; it closes when the import succeeds.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `layers`: the layers a file may be imported into, in display order; `savedMappings`: the
    /// mapping last used for each layer id of the workspace.
    ImportDialog(const std::vector<core::LayerManifest> &layers, const QString &language,
                 const QHash<QString, core::FieldMapping> &savedMappings = {},
                 QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    QString filePath() const;
    core::ImportOptions options() const;
    /// Chooses the column of a mapping role (core::mappingtarget), "" for none.
    void setRoleColumn(const QString &target, const QString &column);
    QString roleColumn(const QString &target) const;
    /// Chooses the target layer by id ("" for a new layer).
    void setTargetLayer(const QString &layerId);
    void setNewLayerId(const QString &id);
    void setTimeZone(const QString &zone);
    QString timeZone() const;
    void setSkipInvalid(bool skip);

    /// While the import runs: inputs disabled, "Importing…" shown.
    void setBusy(bool busy);
    /// After a failed import: the reason, shown in the dialog; the inputs are kept.
    void showFailure(const QString &message);
    QString failureText() const;
    /// Columns and rows of the preview (for tests and the screenshot).
    int previewColumns() const;
    int previewRows() const;

    /// File dialog filters for the formats GDAL reads.
    static QString fileFilters();

signals:
    /// The user pressed Import: run it with filePath() and options().
    void importRequested();

private:
    void browse();
    void loadPreview();
    void applyMapping(const core::FieldMapping &mapping);
    void targetChanged();
    void updateState();
    QWidget *buildMappingBox();

    static constexpr int kRoles = 8;
    QLineEdit *m_path = nullptr;
    QComboBox *m_target = nullptr;
    QLineEdit *m_newId = nullptr;
    QLabel *m_newIdLabel = nullptr;
    QLineEdit *m_crs = nullptr;
    std::array<QComboBox *, kRoles> m_roles{};
    QComboBox *m_dateOrder = nullptr;
    QLineEdit *m_timeZone = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_dropUnknown = nullptr;
    QCheckBox *m_skipInvalid = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_failure = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, core::FieldMapping> m_saved;
    QStringList m_columns;
    QString m_previewedPath;
    bool m_busy = false;
};

} // namespace vigie::gui
