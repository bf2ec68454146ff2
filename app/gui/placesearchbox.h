// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/search/placesearch.h"

#include <QLineEdit>

#include <functional>
#include <vector>

class QCompleter;
class QStandardItemModel;

namespace vigie::gui {

/**
 * The toolbar's place search: type-ahead over the workspace's PlaceIndex (quartiers,
 * arrondissements, venues, cameras, streets, addresses), a list of the best matches under the
 * box, Return or a click to go there.
 */
class PlaceSearchBox : public QLineEdit
{
    Q_OBJECT

public:
    explicit PlaceSearchBox(QWidget *parent = nullptr);

    /// Gives the index to search (built when first needed; null: no workspace).
    void setIndexProvider(std::function<const core::PlaceIndex *()> provider);
    /// The matches for the current text, as the list shows them.
    const std::vector<core::Place> &matches() const { return m_matches; }
    /// Goes to the match at `row` (as a click in the list does).
    void choose(int row);

signals:
    void placeChosen(const core::Place &place);
    /// Return on a text that matches nothing.
    void nothingFound(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update(const QString &text);
    void retranslateUi();

    std::function<const core::PlaceIndex *()> m_provider;
    std::vector<core::Place> m_matches;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_model = nullptr;
};

} // namespace vigie::gui
