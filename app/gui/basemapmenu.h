// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/basemap/basemap.h"

#include <QMenu>

#include <optional>
#include <vector>

class QActionGroup;

namespace vigie::gui {

/**
 * View > Base map: none, OpenStreetMap, Plan IGN, the tile servers and tiles files the user
 * added, "Add a tile server…" and "Open a tiles file…". The choice and the added sources are
 * kept in the settings (basemap/current, basemap/sources) and come back at the next start.
 */
class BaseMapMenu : public QMenu
{
    Q_OBJECT

public:
    explicit BaseMapMenu(QWidget *parent = nullptr);

    /// No dialogs (tests): errors go to lastError() only.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    const std::optional<core::BaseMapSource> &current() const { return m_current; }
    /// Chooses a source (adding it to the menu when it is new) or none; saved in the settings.
    void choose(std::optional<core::BaseMapSource> source);
    /// Restores the choice saved in the settings (a tiles file gone since: none).
    void restore();
    /// Adds a tiles file and chooses it; false with lastError() when GDAL cannot read it.
    bool openFile(const QString &path);
    QString lastError() const { return m_lastError; }

signals:
    void chosen(const std::optional<core::BaseMapSource> &source);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void addServerDialog();
    void openFileDialog();
    void remember(const core::BaseMapSource &source);
    std::vector<core::BaseMapSource> sources() const;

    std::vector<core::BaseMapSource> m_added;
    std::optional<core::BaseMapSource> m_current;
    QActionGroup *m_group = nullptr;
    bool m_interactive = true;
    QString m_lastError;
};

} // namespace vigie::gui
