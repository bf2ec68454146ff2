// SPDX-License-Identifier: GPL-3.0-or-later
#include "rtreeloader.h"

#include "../result.h"
#include "sqlitesecurity.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace vigie::core::detail {

namespace {

// SQLite's rtree module: at most 51 cells per node; a 2D cell is an 8-byte id + 4 floats.
constexpr int kMaxCells = 51;
constexpr int kCellBytes = 8 + 4 * 4;

struct Box
{
    std::int64_t id; ///< rowid for leaf cells, child node number for internal cells
    float minX, maxX, minY, maxY;
};

/// The float below or equal to d (SQLite rounds lower bounds down, upper bounds up).
float down(double d)
{
    float f = static_cast<float>(d);
    if (static_cast<double>(f) > d)
        f = std::nextafter(f, -INFINITY);
    return f;
}

float up(double d)
{
    float f = static_cast<float>(d);
    if (static_cast<double>(f) < d)
        f = std::nextafter(f, INFINITY);
    return f;
}

void put64(unsigned char *p, std::int64_t v)
{
    const auto u = static_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<unsigned char>(u >> (56 - 8 * i));
}

void putFloat(unsigned char *p, float f)
{
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(u >> (24 - 8 * i));
}

[[noreturn]] void fail(sqlite3 *db, const QString &index)
{
    throw Exception(
        ErrorCode::Internal,
        QCoreApplication::translate("vigie::Store", "Cannot build the spatial index %1: %2")
            .arg(index, QString::fromUtf8(sqlite3_errmsg(db))));
}

class Statement
{
public:
    Statement(sqlite3 *db, const QString &sql, const QString &index) : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &m_stmt, nullptr) != SQLITE_OK)
            fail(db, index);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

QString quoted(const QString &id)
{
    QString s = id;
    s.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// Groups boxes into nodes of at most kMaxCells, Sort-Tile-Recursive order.
std::vector<std::vector<Box>> pack(std::vector<Box> &boxes)
{
    const std::size_t n = boxes.size();
    const std::size_t nodes = (n + kMaxCells - 1) / kMaxCells;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(double(nodes))));
    const std::size_t perSlice = slices * kMaxCells;
    std::sort(boxes.begin(), boxes.end(),
              [](const Box &a, const Box &b) { return a.minX + a.maxX < b.minX + b.maxX; });
    std::vector<std::vector<Box>> out;
    out.reserve(nodes + slices);
    for (std::size_t s = 0; s < n; s += perSlice) {
        const auto end = boxes.begin() + std::ptrdiff_t(std::min(n, s + perSlice));
        std::sort(boxes.begin() + std::ptrdiff_t(s), end,
                  [](const Box &a, const Box &b) { return a.minY + a.maxY < b.minY + b.maxY; });
        for (auto it = boxes.begin() + std::ptrdiff_t(s); it < end;
             it += std::min<std::ptrdiff_t>(kMaxCells, end - it))
            out.emplace_back(it, it + std::min<std::ptrdiff_t>(kMaxCells, end - it));
    }
    return out;
}

/// The byte size of the index's nodes (read from its root); fails on an unusual page size,
/// so that the caller uses the slow path.
int nodeSizeOf(sqlite3 *db, const QString &node, const QString &index)
{
    int nodeSize = 0;
    {
        Statement s(db, QStringLiteral("SELECT length(data) FROM %1 WHERE nodeno = 1").arg(node),
                    index);
        if (sqlite3_step(s.get()) == SQLITE_ROW)
            nodeSize = sqlite3_column_int(s.get(), 0);
    }
    if (nodeSize < 4 + kCellBytes * 2 ||
        std::min(kMaxCells, (nodeSize - 4) / kCellBytes) < kMaxCells)
        fail(db, index);
    return nodeSize;
}

/// Every geometry's bounding box, rounded outwards to float as the R*Tree stores it.
std::vector<Box> readBoxes(sqlite3 *db, const QString &table, const QString &geometryColumn,
                           const QString &index)
{
    std::vector<Box> boxes;
    const QString g = quoted(geometryColumn);
    Statement s(db,
                QStringLiteral("SELECT rowid, MbrMinX(%1), MbrMaxX(%1), MbrMinY(%1), "
                               "MbrMaxY(%1) FROM %2 WHERE %1 IS NOT NULL")
                    .arg(g, quoted(table)),
                index);
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        if (sqlite3_column_type(s.get(), 1) == SQLITE_NULL)
            continue;
        boxes.push_back({sqlite3_column_int64(s.get(), 0), down(sqlite3_column_double(s.get(), 1)),
                         up(sqlite3_column_double(s.get(), 2)),
                         down(sqlite3_column_double(s.get(), 3)),
                         up(sqlite3_column_double(s.get(), 4))});
    }
    if (rc != SQLITE_DONE)
        fail(db, index);
    return boxes;
}

using Level = std::vector<std::vector<Box>>; ///< a tree level: nodes, each a list of cells

/// The levels bottom-up (levels[0] = leaves), packed until one node is left; a cell of an
/// upper level has for id the index of its child node in the level below.
std::vector<Level> buildLevels(std::vector<Box> current)
{
    std::vector<Level> levels;
    for (;;) {
        levels.push_back(pack(current));
        if (levels.back().size() <= 1)
            return levels;
        std::vector<Box> parents;
        parents.reserve(levels.back().size());
        for (std::size_t i = 0; i < levels.back().size(); ++i) {
            const auto &cells = levels.back()[i];
            Box b{std::int64_t(i), cells[0].minX, cells[0].maxX, cells[0].minY, cells[0].maxY};
            for (const Box &c : cells) {
                b.minX = std::min(b.minX, c.minX);
                b.maxX = std::max(b.maxX, c.maxX);
                b.minY = std::min(b.minY, c.minY);
                b.maxY = std::max(b.maxY, c.maxY);
            }
            parents.push_back(b);
        }
        current = std::move(parents);
    }
}

/// Node numbers given top-down: root 1, then level by level; an empty tree gets an empty root.
std::vector<std::vector<std::int64_t>> numberNodes(std::vector<Level> &levels)
{
    const std::size_t depth = levels.size() - 1;
    std::vector<std::vector<std::int64_t>> numbers(levels.size());
    std::int64_t next = 1;
    for (std::size_t l = depth + 1; l-- > 0;) {
        numbers[l].resize(levels[l].size());
        for (auto &num : numbers[l])
            num = next++;
    }
    if (levels[depth].empty()) {
        numbers[depth] = {1};
        levels[depth].emplace_back();
    }
    return numbers;
}

/// Replaces the index's node, rowid and parent shadow tables with the levels' nodes.
class TreeWriter
{
public:
    TreeWriter(sqlite3 *db, const QString &index, int nodeSize)
        : m_db(db), m_index(index), m_node(quoted(index + QStringLiteral("_node"))),
          m_rowid(quoted(index + QStringLiteral("_rowid"))),
          m_parent(quoted(index + QStringLiteral("_parent"))),
          m_blob(static_cast<std::size_t>(nodeSize))
    {
        for (const QString &shadow : {m_node, m_rowid, m_parent}) {
            const QString q = QStringLiteral("DELETE FROM %1").arg(shadow);
            if (sqlite3_exec(db, q.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
                fail(db, index);
        }
        m_insNode.emplace(
            db, QStringLiteral("INSERT INTO %1 (nodeno, data) VALUES (?, ?)").arg(m_node), index);
        m_insRowid.emplace(
            db, QStringLiteral("INSERT INTO %1 (rowid, nodeno) VALUES (?, ?)").arg(m_rowid), index);
        m_insParent.emplace(
            db, QStringLiteral("INSERT INTO %1 (nodeno, parentnode) VALUES (?, ?)").arg(m_parent),
            index);
    }

    void write(const std::vector<Level> &levels,
               const std::vector<std::vector<std::int64_t>> &numbers)
    {
        const int depth = int(levels.size()) - 1;
        for (int l = depth; l >= 0; --l) {
            const auto &nodes = levels[std::size_t(l)];
            for (std::size_t i = 0; i < nodes.size(); ++i)
                writeNode(nodes[i], numbers[std::size_t(l)][i], l, depth,
                          l == 0 ? nullptr : &numbers[std::size_t(l - 1)]);
        }
    }

private:
    /// One node: its blob (depth in the root, cell count, cells) and the rowid or parent rows
    /// of its cells; childNumbers is null for a leaf.
    void writeNode(const std::vector<Box> &cells, std::int64_t nodeno, int level, int depth,
                   const std::vector<std::int64_t> *childNumbers)
    {
        std::fill(m_blob.begin(), m_blob.end(), 0);
        if (nodeno == 1) {
            m_blob[0] = static_cast<unsigned char>(depth >> 8);
            m_blob[1] = static_cast<unsigned char>(depth & 0xff);
        }
        m_blob[2] = static_cast<unsigned char>(cells.size() >> 8);
        m_blob[3] = static_cast<unsigned char>(cells.size() & 0xff);
        unsigned char *p = m_blob.data() + 4;
        sqlite3_stmt *link = level == 0 ? m_insRowid->get() : m_insParent->get();
        for (const Box &c : cells) {
            const std::int64_t id = childNumbers ? (*childNumbers)[std::size_t(c.id)] : c.id;
            put64(p, id);
            putFloat(p + 8, c.minX);
            putFloat(p + 12, c.maxX);
            putFloat(p + 16, c.minY);
            putFloat(p + 20, c.maxY);
            p += kCellBytes;
            sqlite3_bind_int64(link, 1, id);
            sqlite3_bind_int64(link, 2, nodeno);
            step(link);
        }
        sqlite3_bind_int64(m_insNode->get(), 1, nodeno);
        sqlite3_bind_blob(m_insNode->get(), 2, m_blob.data(), int(m_blob.size()), SQLITE_STATIC);
        step(m_insNode->get());
    }

    void step(sqlite3_stmt *st)
    {
        if (sqlite3_step(st) != SQLITE_DONE)
            fail(m_db, m_index);
        sqlite3_reset(st);
    }

    sqlite3 *m_db;
    const QString &m_index;
    QString m_node, m_rowid, m_parent;
    std::optional<Statement> m_insNode, m_insRowid, m_insParent;
    std::vector<unsigned char> m_blob;
};

} // namespace

long long bulkLoadRTree(sqlite3 *db, const QString &table, const QString &geometryColumn,
                        const QString &index)
{
    const ShadowTableWrites shadowWrites(db); // the node tables are written directly
    const int nodeSize = nodeSizeOf(db, quoted(index + QStringLiteral("_node")), index);
    std::vector<Box> boxes = readBoxes(db, table, geometryColumn, index);
    const long long entries = static_cast<long long>(boxes.size());
    std::vector<Level> levels = buildLevels(std::move(boxes));
    const auto numbers = numberNodes(levels);
    TreeWriter(db, index, nodeSize).write(levels, numbers);
    return entries;
}

} // namespace vigie::core::detail
