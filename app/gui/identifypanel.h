// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layermanifest.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;
class QToolButton;

namespace vigie::gui {

/// One feature (or raster cell) under the cursor.
struct IdentifyHit
{
    core::LayerManifest manifest;
    QString layerTitle;                 ///< as the layer panel shows it
    QVariantMap attributes;             ///< empty for a raster cell
    QHash<QString, QString> valueNames; ///< field -> the coded value's name ("Noailles (1320102)")
    std::optional<double> rasterValue;  ///< the cell's value on a raster layer
};

/// Every feature under the cursor, topmost layer first (a list to choose from when there are
/// several), and the attributes of the chosen one: field labels from the manifest in the UI
/// language, values formatted for the locale (dates in local time), coded values by name.
class IdentifyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit IdentifyPanel(QWidget *parent = nullptr);

    void showFeature(const core::LayerManifest &manifest, const QVariantMap &attributes,
                     const QString &language);
    /// Lists the hits and shows the first one.
    void showHits(std::vector<IdentifyHit> hits, const QString &language);
    int hitCount() const { return static_cast<int>(m_hits.size()); }
    int currentHit() const { return m_current; }
    void setCurrentHit(int index);
    /// "Layer — feature" of each hit, as listed.
    QStringList hitTitles() const;
    void showNothing();
    void showMessage(const QString &message);

    /// "label: value" lines as displayed (for tests and copy).
    QStringList lines() const;
    QString title() const;

    /// Formats a value of a field for display.
    static QString formatValue(const QVariant &value, core::FieldType type);

signals:
    /// Another hit was chosen in the list (the map highlights it).
    void hitChanged(int index);
    /// The user asked to clear the result and the highlight.
    void clearRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showHit(const IdentifyHit &hit);
    void addRow(const QString &label, const QString &value);
    static QString hitTitle(const IdentifyHit &hit);

    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_list = nullptr;
    QToolButton *m_clear = nullptr;
    QTableWidget *m_table = nullptr;
    bool m_empty = true;
    std::vector<IdentifyHit> m_hits;
    int m_current = -1;
    QString m_language = QStringLiteral("fr");
};

} // namespace vigie::gui
