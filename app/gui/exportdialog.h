// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/exporter.h"
#include "core/layermanifest.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace vigie::gui {

/// What the map shows of a layer, for "the features shown" of an export.
struct ShownFeatures
{
    core::FeatureQuery query;  ///< the period filter and the visible categories
    QString description;       ///< "1 Jan 2025 – 31 Jan 2025, 3 of 8 categories", translated
    std::int64_t selected = 0; ///< features selected in the attribute table
    std::vector<std::int64_t> selection;
};

/**
 * Layer › Export… (and File › Export layer…), as QGIS's "Save features as": the format (from
 * the formats Vigie writes: GeoPackage, GeoJSON, FlatGeobuf, CSV, Shapefile, XLSX, ODS for
 * vector layers, GeoTIFF for rasters), the file, which features (all, those the map shows, or
 * the attribute table's selection) and whether to replace an existing file. The dialog stays
 * open while the export runs and after a failure, which it shows with everything kept.
 */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const core::LayerManifest &layer, const QString &title, const ShownFeatures &shown,
                 const QString &suggestedPath, QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    QString filePath() const;
    enum class Which { All, Shown, Selected };
    void setWhich(Which which);
    void setOverwrite(bool overwrite);
    /// The request for core::exportLayer().
    core::ExportRequest request() const;

    void setBusy(bool busy);
    void showFailure(const QString &message);
    QString failureText() const;

signals:
    void exportRequested();

private:
    void browse();
    void formatChanged();
    void updateState();

    core::LayerManifest m_layer;
    ShownFeatures m_shown;
    bool m_raster = false;
    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QButtonGroup *m_which = nullptr;
    QCheckBox *m_overwrite = nullptr;
    QLabel *m_failure = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vigie::gui
