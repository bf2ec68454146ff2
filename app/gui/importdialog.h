// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/importer.h"
#include "core/layermanifest.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigie::gui {

/// File -> Import…: the file, the target layer (a new one or a known layer), the CRS override.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `layers`: the layers a file may be imported into (manifest layers), in display order.
    ImportDialog(const std::vector<core::LayerManifest> &layers, const QString &language,
                 QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    QString filePath() const;
    core::ImportOptions options() const;

    /// File dialog filters for the formats GDAL reads.
    static QString fileFilters();

private:
    void browse();
    void updateState();

    QLineEdit *m_path = nullptr;
    QComboBox *m_target = nullptr;
    QLineEdit *m_newId = nullptr;
    QLabel *m_newIdLabel = nullptr;
    QLineEdit *m_crs = nullptr;
    QCheckBox *m_dropUnknown = nullptr;
    QCheckBox *m_skipInvalid = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vigie::gui
