// SPDX-License-Identifier: GPL-3.0-or-later
#include "kde.h"

#include "bandwidth.h"

#include <unsupported/Eigen/FFT>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <complex>
#include <numbers>
#include <stdexcept>
#include <thread>
#include <vector>

namespace vigie::analytics {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kGaussianHalfWidth = 8.0; // in sigmas, as spatstat

/// Kernel shape as a function of the squared distance, times its normalising constant.
/// `h2` is the squared bandwidth; the caller guarantees d2 <= support radius squared.
struct KernelShape
{
    Kernel kernel;
    double h;
    double norm = 0;
    double invH2 = 0;
    double invH = 0;

    KernelShape(Kernel k, double bandwidth) : kernel(k), h(bandwidth)
    {
        invH2 = 1.0 / (h * h);
        invH = 1.0 / h;
        switch (k) {
        case Kernel::Quartic:
            norm = 3.0 / (kPi * h * h);
            break;
        case Kernel::Epanechnikov:
            norm = 2.0 / (kPi * h * h);
            break;
        case Kernel::Triangular:
            norm = 3.0 / (kPi * h * h);
            break;
        case Kernel::Uniform:
            norm = 1.0 / (kPi * h * h);
            break;
        case Kernel::Gaussian:
            norm = 1.0 / (2.0 * kPi * h * h);
            break;
        }
    }
};

template <Kernel K> inline double shapeAt(double d2, const KernelShape &s)
{
    if constexpr (K == Kernel::Quartic) {
        const double t = 1.0 - d2 * s.invH2;
        return t > 0 ? s.norm * t * t : 0.0;
    } else if constexpr (K == Kernel::Epanechnikov) {
        const double t = 1.0 - d2 * s.invH2;
        return t > 0 ? s.norm * t : 0.0;
    } else if constexpr (K == Kernel::Triangular) {
        const double t = 1.0 - std::sqrt(d2) * s.invH;
        return t > 0 ? s.norm * t : 0.0;
    } else if constexpr (K == Kernel::Uniform) {
        return d2 <= s.h * s.h ? s.norm : 0.0;
    } else {
        return s.norm * std::exp(-0.5 * d2 * s.invH2);
    }
}

double shapeAtDyn(double d2, const KernelShape &s)
{
    switch (s.kernel) {
    case Kernel::Quartic:
        return shapeAt<Kernel::Quartic>(d2, s);
    case Kernel::Epanechnikov:
        return shapeAt<Kernel::Epanechnikov>(d2, s);
    case Kernel::Triangular:
        return shapeAt<Kernel::Triangular>(d2, s);
    case Kernel::Uniform:
        return shapeAt<Kernel::Uniform>(d2, s);
    case Kernel::Gaussian:
        return shapeAt<Kernel::Gaussian>(d2, s);
    }
    return 0.0;
}

unsigned threadCount()
{
    const unsigned hc = std::thread::hardware_concurrency();
    return std::max(1u, hc);
}

/// Runs body(task) for task in [0, taskCount) on up to threadCount() threads; the calling
/// thread takes part and reports progress in [p0, p1]. Throws Canceled when asked to stop.
template <typename Body>
void parallelTasks(int taskCount, Feedback *feedback, double p0, double p1, const std::string &step,
                   Body &&body)
{
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> stop{false};
    auto worker = [&](bool reporter) {
        for (;;) {
            if (stop.load(std::memory_order_relaxed))
                return;
            if (feedback && feedback->isCanceled()) {
                stop = true;
                return;
            }
            const int task = next.fetch_add(1);
            if (task >= taskCount)
                return;
            body(task);
            const int d = done.fetch_add(1) + 1;
            if (reporter && feedback)
                feedback->setProgress(p0 + (p1 - p0) * d / taskCount, step);
        }
    };
    const unsigned n = std::min<unsigned>(threadCount(), unsigned(std::max(1, taskCount)));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t)
        threads.emplace_back(worker, false);
    worker(true);
    for (auto &t : threads)
        t.join();
    throwIfCanceled(feedback);
}

struct WeightedPoint
{
    double x, y, w;
};

/// Points whose kernel support reaches the grid, sorted by y.
std::vector<WeightedPoint> contributingPoints(const PointSet &points, const GridSpec &grid,
                                              double radius)
{
    std::vector<WeightedPoint> pts;
    pts.reserve(points.size());
    const double x0 = grid.xMin - radius, x1 = grid.xMax() + radius;
    const double y0 = grid.yMin - radius, y1 = grid.yMax() + radius;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double x = points.x[i], y = points.y[i], w = points.weightOf(i);
        if (w == 0 || !(x >= x0 && x <= x1 && y >= y0 && y <= y1))
            continue;
        pts.push_back({x, y, w});
    }
    return pts;
}

// ---------------------------------------------------------------------------------------------
// Direct sum
// ---------------------------------------------------------------------------------------------

template <Kernel K>
void directStrip(const std::vector<WeightedPoint> &pts, const GridSpec &g, const KernelShape &s,
                 double radius, int r0, int r1, double *out)
{
    const double cs = g.cellSize;
    const double yTop = g.yMax();
    const double R2 = radius * radius;
    const double yHi = g.centreY(r0) + radius;
    const double yLo = g.centreY(r1 - 1) - radius;
    auto first = std::lower_bound(pts.begin(), pts.end(), yLo,
                                  [](const WeightedPoint &p, double v) { return p.y < v; });
    auto last = std::upper_bound(first, pts.end(), yHi,
                                 [](double v, const WeightedPoint &p) { return v < p.y; });
    for (auto it = first; it != last; ++it) {
        const double px = it->x, py = it->y, w = it->w;
        const int rowLo = std::max(r0, int(std::ceil((yTop - (py + radius)) / cs - 0.5)));
        const int rowHi = std::min(r1 - 1, int(std::floor((yTop - (py - radius)) / cs - 0.5)));
        for (int r = rowLo; r <= rowHi; ++r) {
            const double dy = g.centreY(r) - py;
            const double rem = R2 - dy * dy;
            if (rem < 0)
                continue;
            const double half = std::sqrt(rem);
            const int c0 = std::max(0, int(std::ceil((px - half - g.xMin) / cs - 0.5)));
            const int c1 = std::min(g.cols - 1, int(std::floor((px + half - g.xMin) / cs - 0.5)));
            double *row = out + std::size_t(r) * std::size_t(g.cols);
            const double dy2 = dy * dy;
            const double xStart = g.xMin + 0.5 * cs - px;
            for (int c = c0; c <= c1; ++c) {
                const double dx = xStart + c * cs;
                const double d2 = dx * dx + dy2;
                if (d2 <= R2)
                    row[c] += w * shapeAt<K>(d2, s);
            }
        }
    }
}

/// Exact direct sum for kernels that are polynomials in the squared distance (Quartic,
/// Epanechnikov, Uniform): along a row, a point's contribution over its chord of cells is a
/// polynomial of degree 4, 2 or 0 in the column; the coefficients are added at the chord's first
/// cell and removed after its last one (difference arrays), then summed by a sweep. Coordinates
/// are local to the centres of blocks of columns (about twice the support wide) to keep rounding
/// small. Cost O(points x rows of the support + cells) instead of O(points x cells of the support).
/// A point in cell units: u = column coordinate of the point (cell centres at integers),
/// v = row coordinate (row centres at integers, rows downwards), wn = weight x kernel norm.
struct CellPoint
{
    double u, v, wn;
    double band; ///< floor(v): points are sorted by (band, u) so that each band sweeps a row left
                 ///< to right
};

inline int fastFloor(double x)
{
    const int t = int(x);
    return t > x ? t - 1 : t;
}

inline int fastCeil(double x)
{
    const int t = int(x);
    return t < x ? t + 1 : t;
}

void sweepStrip(const std::vector<CellPoint> &pts, const GridSpec &g, const KernelShape &s,
                double radius, int blockCols, int r0, int r1, std::vector<double> &coef,
                double *out)
{
    const int degree = s.kernel == Kernel::Quartic ? 4 : s.kernel == Kernel::Epanechnikov ? 2 : 0;
    const int nk = degree + 1;
    const int cols = g.cols;
    const double cs = g.cellSize;
    const double Rc = radius / cs; // radius in cells
    const double Rc2 = Rc * Rc;
    const double beta = cs * cs * s.invH2; // 1 / (h in cells)^2
    // exact membership test in metres, as the plain direct sum (Uniform only)
    const double R2 = radius * radius;
    auto inside = [&](int c, double u, double dy2m) {
        const double dx = (c - u) * cs;
        return dx * dx + dy2m <= R2;
    };
    // one row at a time: the row's coefficient differences stay in cache
    for (int r = r0; r < r1; ++r) {
        coef.assign(std::size_t(cols + 1) * nk, 0.0);
        auto first = std::lower_bound(pts.begin(), pts.end(), std::floor(r - Rc),
                                      [](const CellPoint &p, double b) { return p.band < b; });
        auto last = std::upper_bound(first, pts.end(), std::floor(r + Rc),
                                     [](double b, const CellPoint &p) { return b < p.band; });
        for (auto it = first; it != last; ++it) {
            const double u = it->u, wn = it->wn;
            const double dyc = r - it->v;
            const double dyc2 = dyc * dyc;
            const double rem = Rc2 - dyc2;
            if (rem < 0)
                continue;
            const double half = std::sqrt(rem);
            int c0 = fastCeil(u - half);
            int c1 = fastFloor(u + half);
            if (degree == 0) {
                // Uniform: make the chord exactly the cells with d <= radius (in metres, as the
                // plain direct sum); the other kernels vanish at the radius, so a rounding at
                // the chord ends is harmless there
                const double dy2m = dyc2 * cs * cs;
                while (c0 <= c1 && !inside(c0, u, dy2m))
                    ++c0;
                while (c0 > -1 && inside(c0 - 1, u, dy2m))
                    --c0;
                while (c1 >= c0 && !inside(c1, u, dy2m))
                    --c1;
                while (c1 < cols && inside(c1 + 1, u, dy2m))
                    ++c1;
            }
            c0 = std::max(c0, 0);
            c1 = std::min(c1, cols - 1);
            if (c0 > c1)
                continue;
            const double a = 1.0 - dyc2 * beta;
            for (int bs = (c0 / blockCols) * blockCols; bs <= c1; bs += blockCols) {
                const int be = std::min(cols, bs + blockCols);
                const int p0 = std::max(c0, bs), p1 = std::min(c1, be - 1);
                const double sl =
                    u - (bs + 0.5 * (be - 1 - bs)); // position relative to the block centre
                double k[5] = {0, 0, 0, 0, 0};
                if (degree == 4) {
                    const double s2 = sl * sl;
                    const double b2 = beta * beta;
                    k[0] = a * a - 2 * a * beta * s2 + b2 * s2 * s2;
                    k[1] = 4 * a * beta * sl - 4 * b2 * s2 * sl;
                    k[2] = -2 * a * beta + 6 * b2 * s2;
                    k[3] = -4 * b2 * sl;
                    k[4] = b2;
                } else if (degree == 2) {
                    k[0] = a - beta * sl * sl;
                    k[1] = 2 * beta * sl;
                    k[2] = -beta;
                } else {
                    k[0] = 1;
                }
                double *start = coef.data() + std::size_t(p0) * nk;
                for (int q = 0; q < nk; ++q)
                    start[q] += wn * k[q];
                if (p1 + 1 < be) {
                    double *stop = coef.data() + std::size_t(p1 + 1) * nk;
                    for (int q = 0; q < nk; ++q)
                        stop[q] -= wn * k[q];
                }
            }
        }
        double *row = out + std::size_t(r) * std::size_t(cols);
        for (int bs = 0; bs < cols; bs += blockCols) {
            const int be = std::min(cols, bs + blockCols);
            const double centre = 0.5 * (be - 1 - bs);
            double acc[5] = {0, 0, 0, 0, 0};
            for (int c = bs; c < be; ++c) {
                const double *d = coef.data() + std::size_t(c) * nk;
                for (int q = 0; q < nk; ++q)
                    acc[q] += d[q];
                const double v = double(c - bs) - centre;
                double val = acc[degree];
                for (int q = degree - 1; q >= 0; --q)
                    val = val * v + acc[q];
                row[c] += val;
            }
        }
    }
}

bool sweepable(Kernel k)
{
    return k == Kernel::Quartic || k == Kernel::Epanechnikov || k == Kernel::Uniform;
}

void directSum(const std::vector<WeightedPoint> &pts, const GridSpec &g, Kernel kernel, double h,
               std::vector<double> &out, Feedback *feedback)
{
    const KernelShape s(kernel, h);
    const double radius = kernelSupportRadius(kernel, h);
    const int stripRows = 16;
    const int strips = (g.rows + stripRows - 1) / stripRows;
    if (sweepable(kernel)) {
        const int rc = int(std::ceil(radius / g.cellSize));
        const int blockCols = std::max(16, 4 * rc + 4);
        const int sweepRows = 32;
        const int sweepStrips = (g.rows + sweepRows - 1) / sweepRows;
        std::vector<CellPoint> cellPts(pts.size());
        const double x0 = g.xMin + 0.5 * g.cellSize, yTop = g.yMax() - 0.5 * g.cellSize;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const double v = (yTop - pts[i].y) / g.cellSize;
            cellPts[i] = {(pts[i].x - x0) / g.cellSize, v, pts[i].w * s.norm, std::floor(v)};
        }
        std::sort(cellPts.begin(), cellPts.end(), [](const CellPoint &a, const CellPoint &b) {
            return a.band < b.band || (a.band == b.band && a.u < b.u);
        });
        parallelTasks(sweepStrips, feedback, 5, 95, "kernel density", [&](int strip) {
            std::vector<double> coef;
            const int r0 = strip * sweepRows;
            const int r1 = std::min(g.rows, r0 + sweepRows);
            sweepStrip(cellPts, g, s, radius, blockCols, r0, r1, coef, out.data());
        });
        return;
    }
    parallelTasks(strips, feedback, 5, 95, "kernel density", [&](int strip) {
        const int r0 = strip * stripRows;
        const int r1 = std::min(g.rows, r0 + stripRows);
        switch (kernel) {
        case Kernel::Quartic:
            directStrip<Kernel::Quartic>(pts, g, s, radius, r0, r1, out.data());
            break;
        case Kernel::Epanechnikov:
            directStrip<Kernel::Epanechnikov>(pts, g, s, radius, r0, r1, out.data());
            break;
        case Kernel::Triangular:
            directStrip<Kernel::Triangular>(pts, g, s, radius, r0, r1, out.data());
            break;
        case Kernel::Uniform:
            directStrip<Kernel::Uniform>(pts, g, s, radius, r0, r1, out.data());
            break;
        case Kernel::Gaussian:
            directStrip<Kernel::Gaussian>(pts, g, s, radius, r0, r1, out.data());
            break;
        }
    });
}

// ---------------------------------------------------------------------------------------------
// FFT convolution on the lattice of cell centres
// ---------------------------------------------------------------------------------------------

/// Smallest n >= minimum, multiple of 4, whose prime factors are 2, 3 and 5.
int fastFftSize(int minimum)
{
    for (int n = std::max(4, minimum);; ++n) {
        if (n % 4)
            continue;
        int m = n;
        for (int f : {2, 3, 5})
            while (m % f == 0)
                m /= f;
        if (m == 1)
            return n;
    }
}

using Complex = std::complex<double>;

/// The column pass of the 2D transforms: a complex FFT (or inverse) of each of the hx columns of
/// length ny of `spec` (row-major, hx per row), in blocks of columns for cache and threads.
void columnTransforms(std::vector<Complex> &spec, int hx, int ny, bool inverse, Feedback *feedback,
                      double p0, double p1)
{
    const int colBlock = 8;
    parallelTasks((hx + colBlock - 1) / colBlock, feedback, p0, p1, "FFT", [&](int b) {
        Eigen::FFT<double> fft;
        const int c0 = b * colBlock, c1 = std::min(hx, c0 + colBlock), nc = c1 - c0;
        std::vector<Complex> col(std::size_t(ny) * nc), res(ny);
        for (int r = 0; r < ny; ++r)
            for (int c = 0; c < nc; ++c)
                col[std::size_t(c) * ny + r] = spec[std::size_t(r) * hx + c0 + c];
        for (int c = 0; c < nc; ++c) {
            if (inverse)
                fft.inv(res.data(), col.data() + std::size_t(c) * ny, ny);
            else
                fft.fwd(res.data(), col.data() + std::size_t(c) * ny, ny);
            std::copy(res.begin(), res.end(), col.begin() + std::size_t(c) * ny);
        }
        for (int r = 0; r < ny; ++r)
            for (int c = 0; c < nc; ++c)
                spec[std::size_t(r) * hx + c0 + c] = col[std::size_t(c) * ny + r];
    });
}

/// Forward 2D FFT of a real ny x nx array (row-major): half spectrum ny x (nx/2+1).
void forward2d(const std::vector<double> &in, int nx, int ny, std::vector<Complex> &spec,
               Feedback *feedback, double p0, double p1)
{
    const int hx = nx / 2 + 1;
    spec.assign(std::size_t(ny) * hx, Complex(0, 0));
    const int block = 32;
    parallelTasks((ny + block - 1) / block, feedback, p0, (p0 + p1) / 2, "FFT", [&](int b) {
        Eigen::FFT<double> fft;
        fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
        for (int r = b * block; r < std::min(ny, (b + 1) * block); ++r) {
            fft.fwd(spec.data() + std::size_t(r) * hx, in.data() + std::size_t(r) * nx, nx);
        }
    });
    columnTransforms(spec, hx, ny, false, feedback, (p0 + p1) / 2, p1);
}

/// Inverse of forward2d (scaled so that inverse(forward(x)) == x).
void inverse2d(std::vector<Complex> &spec, int nx, int ny, std::vector<double> &out,
               Feedback *feedback, double p0, double p1)
{
    const int hx = nx / 2 + 1;
    columnTransforms(spec, hx, ny, true, feedback, p0, (p0 + p1) / 2);
    out.assign(std::size_t(ny) * nx, 0.0);
    const int block = 32;
    parallelTasks((ny + block - 1) / block, feedback, (p0 + p1) / 2, p1, "FFT", [&](int b) {
        Eigen::FFT<double> fft;
        fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
        for (int r = b * block; r < std::min(ny, (b + 1) * block); ++r)
            fft.inv(out.data() + std::size_t(r) * nx, spec.data() + std::size_t(r) * hx, nx);
    });
}

/**
 * A lattice of cell centres extended by `margin` cells on every side of the grid, holding binned
 * masses; convolve() returns sum_j mass_j K(|c - node_j|) at every grid cell centre c.
 */
struct CentreLattice
{
    GridSpec grid;
    int margin = 0;
    int lx = 0, ly = 0;       ///< lattice size (cols, rows)
    int nx = 0, ny = 0;       ///< FFT size
    int rc = 0;               ///< kernel support radius in cells
    std::vector<double> mass; ///< ny x nx, row-major, lattice node (i, j) at [j * nx + i]

    CentreLattice(const GridSpec &g, double supportRadius) : grid(g)
    {
        rc = int(std::ceil(supportRadius / g.cellSize));
        margin = rc + 1;
        lx = g.cols + 2 * margin;
        ly = g.rows + 2 * margin;
        nx = fastFftSize(lx + rc + 1);
        ny = fastFftSize(ly + rc + 1);
        mass.assign(std::size_t(nx) * ny, 0.0);
    }

    /// Linear (bilinear) binning of one point.
    void bin(double x, double y, double w)
    {
        const double fx = (x - grid.xMin) / grid.cellSize - 0.5 + margin;
        const double fy = (grid.yMax() - y) / grid.cellSize - 0.5 + margin;
        const double ix = std::floor(fx), iy = std::floor(fy);
        if (ix < 0 || iy < 0 || ix + 1 >= lx || iy + 1 >= ly)
            return;
        const double tx = fx - ix, ty = fy - iy;
        const std::size_t k = std::size_t(iy) * nx + std::size_t(ix);
        mass[k] += w * (1 - tx) * (1 - ty);
        mass[k + 1] += w * tx * (1 - ty);
        mass[k + nx] += w * (1 - tx) * ty;
        mass[k + nx + 1] += w * tx * ty;
    }

    /// Adds mass at the node of grid cell (col, row).
    void addAtCell(int col, int row, double w)
    {
        mass[std::size_t(row + margin) * nx + std::size_t(col + margin)] += w;
    }

    std::vector<double> convolve(Kernel kernel, double h, Feedback *feedback, double p0, double p1)
    {
        const KernelShape s(kernel, h);
        const double radius = kernelSupportRadius(kernel, h);
        const double R2 = radius * radius;
        const double cs = grid.cellSize;
        std::vector<double> kern(std::size_t(nx) * ny, 0.0);
        for (int dy = -rc; dy <= rc; ++dy)
            for (int dx = -rc; dx <= rc; ++dx) {
                const double d2 = (dx * cs) * (dx * cs) + (dy * cs) * (dy * cs);
                if (d2 > R2)
                    continue;
                const int i = (dx + nx) % nx, j = (dy + ny) % ny;
                kern[std::size_t(j) * nx + i] = shapeAtDyn(d2, s);
            }
        const double step = (p1 - p0) / 3;
        std::vector<Complex> specMass, specKern;
        forward2d(mass, nx, ny, specMass, feedback, p0, p0 + step);
        std::vector<double>().swap(mass);
        forward2d(kern, nx, ny, specKern, feedback, p0 + step, p0 + 2 * step);
        std::vector<double>().swap(kern);
        for (std::size_t k = 0; k < specMass.size(); ++k)
            specMass[k] *= specKern[k];
        std::vector<Complex>().swap(specKern);
        std::vector<double> conv;
        inverse2d(specMass, nx, ny, conv, feedback, p0 + 2 * step, p1);
        std::vector<double> out(grid.cellCount());
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c)
                out[grid.index(c, r)] =
                    conv[std::size_t(r + margin) * nx + std::size_t(c + margin)];
        return out;
    }
};

void validate(const GridSpec &grid, const KdeParams &p, bool needBandwidth)
{
    if (!(grid.cellSize > 0) || !std::isfinite(grid.cellSize))
        throw std::invalid_argument("kernelDensity: grid.cellSize must be positive");
    if (grid.cols <= 0 || grid.rows <= 0)
        throw std::invalid_argument("kernelDensity: grid.cols and grid.rows must be positive");
    if (needBandwidth && (!(p.bandwidth > 0) || !std::isfinite(p.bandwidth)))
        throw std::invalid_argument(
            "kernelDensity: bandwidth must be positive and finite when rule is Fixed");
    if (!p.window.empty() && p.window.size() != grid.cellCount())
        throw std::invalid_argument("kernelDensity: window must have grid.cellCount() values");
    if (!(p.scale > 0) || !std::isfinite(p.scale))
        throw std::invalid_argument("kernelDensity: scale must be positive");
}

void validatePoints(const PointSet &points)
{
    if (points.y.size() != points.x.size())
        throw std::invalid_argument("kernelDensity: points.x and points.y differ in length");
    if (!points.weight.empty() && points.weight.size() != points.x.size())
        throw std::invalid_argument(
            "kernelDensity: points.weight must be empty or as long as points.x");
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points.x[i]) || !std::isfinite(points.y[i]))
            throw std::invalid_argument("kernelDensity: point coordinates must be finite");
        if (!points.weight.empty() && !std::isfinite(points.weight[i]))
            throw std::invalid_argument("kernelDensity: point weights must be finite");
    }
}

} // namespace

double kernelSupportRadius(Kernel k, double bandwidth)
{
    return k == Kernel::Gaussian ? kGaussianHalfWidth * bandwidth : bandwidth;
}

double kernelValue(Kernel k, double distance, double bandwidth)
{
    if (!(bandwidth > 0))
        throw std::invalid_argument("kernelValue: bandwidth must be positive");
    const double d = std::abs(distance);
    if (k != Kernel::Gaussian && d > bandwidth)
        return 0.0;
    return shapeAtDyn(d * d, KernelShape(k, bandwidth));
}

double kernelStandardDeviation(Kernel k, double bandwidth)
{
    switch (k) {
    case Kernel::Quartic:
        return bandwidth / std::sqrt(8.0);
    case Kernel::Epanechnikov:
        return bandwidth / std::sqrt(6.0);
    case Kernel::Triangular:
        return bandwidth * std::sqrt(3.0 / 20.0);
    case Kernel::Uniform:
        return bandwidth / 2.0;
    case Kernel::Gaussian:
        return bandwidth;
    }
    return bandwidth;
}

double bandwidthForStandardDeviation(Kernel k, double sd)
{
    return sd / kernelStandardDeviation(k, 1.0);
}

KdeResult kernelDensity(const PointSet &points, const GridSpec &grid, const KdeParams &params,
                        Feedback *feedback)
{
    validate(grid, params, params.rule == BandwidthRule::Fixed);
    validatePoints(points);
    throwIfCanceled(feedback);

    KdeResult result;
    result.kernel = params.kernel;
    result.bandwidth = params.bandwidth;
    if (params.rule != BandwidthRule::Fixed) {
        BandwidthOptions opt;
        opt.window = {grid.xMin, grid.yMin, grid.xMax(), grid.yMax()};
        result.bandwidth = selectBandwidth(points, params.rule, params.kernel, feedback, opt);
    }
    const double h = result.bandwidth;
    const double radius = kernelSupportRadius(params.kernel, h);
    for (std::size_t i = 0; i < points.size(); ++i)
        result.totalWeight += points.weightOf(i);

    std::vector<WeightedPoint> pts = contributingPoints(points, grid, radius);

    // Auto: the exact row sweep for polynomial kernels (cheaper than FFT at any size); for the
    // Triangular and Gaussian kernels, the cheaper of the plain direct sum and binning + FFT by a
    // cost model in kernel evaluations (measured on x86-64: one FFT point*log2 ~ 2 evaluations).
    KdeMethod method = params.method;
    if (method == KdeMethod::Auto) {
        const double rc = radius / grid.cellSize;
        const double evalCost = params.kernel == Kernel::Gaussian ? 6.0 : 1.5;
        const double direct = double(pts.size()) * kPi * (rc + 0.5) * (rc + 0.5) * evalCost;
        const double nx = grid.cols + 3 * rc + 3, ny = grid.rows + 3 * rc + 3;
        const double fft = 3.0 * nx * ny * std::log2(nx * ny) * 2.0 + double(pts.size()) * 4;
        method =
            (sweepable(params.kernel) || direct <= fft) ? KdeMethod::Direct : KdeMethod::Binned;
    }

    std::vector<double> values;
    if (method == KdeMethod::Direct) {
        result.method = sweepable(params.kernel) ? "direct-sweep" : "direct";
        if (!sweepable(params.kernel)) // the sweep sorts its own copy in cell units
            std::sort(pts.begin(), pts.end(),
                      [](const WeightedPoint &a, const WeightedPoint &b) { return a.y < b.y; });
        values.assign(grid.cellCount(), 0.0);
        directSum(pts, grid, params.kernel, h, values, feedback);
    } else {
        result.method = "binned-fft";
        CentreLattice lattice(grid, radius);
        for (const auto &p : pts)
            lattice.bin(p.x, p.y, p.w);
        std::vector<WeightedPoint>().swap(pts);
        throwIfCanceled(feedback);
        values = lattice.convolve(params.kernel, h, feedback, 5, 90);
    }

    const bool hasWindow = !params.window.empty();
    if (params.edgeCorrection) {
        CentreLattice lattice(grid, radius);
        const double area = grid.cellArea();
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c)
                if (!hasWindow || params.window[grid.index(c, r)])
                    lattice.addAtCell(c, r, area);
        const std::vector<double> edge = lattice.convolve(params.kernel, h, feedback, 90, 99);
        for (std::size_t k = 0; k < values.size(); ++k)
            values[k] = edge[k] > 0 ? values[k] / edge[k] : Raster::noData();
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (hasWindow && !params.window[k])
            values[k] = Raster::noData();
        else
            values[k] *= params.scale;
    }
    result.density.grid = grid;
    result.density.values = std::move(values);
    if (feedback)
        feedback->setProgress(100, "kernel density");
    return result;
}

RelativeRiskResult relativeRisk(const PointSet &cases, const PointSet &controls,
                                const GridSpec &grid, const RelativeRiskParams &p,
                                Feedback *feedback)
{
    KdeParams controlParams = p.controls;
    if (controlParams.window.empty())
        controlParams.window = p.cases.window;
    KdeResult f = kernelDensity(cases, grid, p.cases, feedback);
    KdeResult g = kernelDensity(controls, grid, controlParams, feedback);
    auto integral = [&](const std::vector<double> &v) {
        double s = 0;
        for (double x : v)
            if (std::isfinite(x))
                s += x;
        return s * grid.cellArea();
    };
    const double fi = integral(f.density.values), gi = integral(g.density.values);
    if (!(fi > 0) || !(gi > 0))
        throw std::invalid_argument(
            "relativeRisk: cases and controls must have positive mass on the grid");
    RelativeRiskResult r;
    r.risk.grid = grid;
    r.risk.values.resize(grid.cellCount());
    for (std::size_t k = 0; k < grid.cellCount(); ++k) {
        const double fv = f.density.values[k] / fi, gv = g.density.values[k] / gi;
        if (!std::isfinite(fv) || !std::isfinite(gv) || !(gv > 0) ||
            (p.cases.window.size() && !p.cases.window[k]))
            r.risk.values[k] = Raster::noData();
        else
            r.risk.values[k] = p.logRisk ? std::log(fv / gv) : fv / gv;
    }
    r.caseDensity = std::move(f.density);
    r.controlDensity = std::move(g.density);
    return r;
}

} // namespace vigie::analytics
