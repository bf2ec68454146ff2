// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/newworkspace.h"

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLineEdit;

namespace vigie::gui {

/// File › New workspace…: the workspace file and, for an area other than Marseille, the
/// boundary files of its study area and reporting units (`vigie-cli new` in the GUI).
class NewWorkspaceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewWorkspaceDialog(QWidget *parent = nullptr);

    QString workspacePath() const;
    /// Empty boundaries: an empty workspace without a study area.
    core::NewWorkspaceOptions options() const;
    void setWorkspacePath(const QString &path);
    void setBoundaries(const QString &path);
    void setUnits(const QString &path);

private:
    QLineEdit *fileRow(const QString &label, bool save, QFormLayout *form);
    void updateState();

    QLineEdit *m_path = nullptr;
    QLineEdit *m_boundaries = nullptr;
    QLineEdit *m_units = nullptr;
    QLineEdit *m_crs = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vigie::gui
