// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace vigie::analytics {

/// SplitMix64: used to expand a 64-bit seed into generator state and to derive sub-streams.
inline std::uint64_t splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/**
 * A portable, deterministic pseudo-random generator (xoshiro256**) with its own samplers.
 * Unlike std::*_distribution, every sampler here is specified by this code alone, so the same
 * seed gives the same sequence with every compiler and standard library (the samplers use only
 * IEEE arithmetic and std::log/std::sqrt/std::cos, which are correctly rounded or nearly so).
 */
class Rng
{
public:
    explicit Rng(std::uint64_t seed = 0) { reseed(seed); }

    void reseed(std::uint64_t seed)
    {
        std::uint64_t sm = seed;
        for (auto &s : m_s)
            s = splitMix64(sm);
    }

    /// An independent generator for a named part of the work (stable whatever else is drawn).
    static Rng stream(std::uint64_t seed, std::uint64_t streamId)
    {
        std::uint64_t sm = seed ^ (streamId * 0xD1B54A32D192ED03ULL);
        splitMix64(sm);
        return Rng(splitMix64(sm));
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [a, b).
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    /// Uniform integer in [0, n), without modulo bias. n must be > 0.
    std::uint64_t below(std::uint64_t n)
    {
        if (n == 0)
            throw std::invalid_argument("Rng::below: n must be positive");
        const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % n);
        std::uint64_t v;
        do {
            v = next();
        } while (v >= limit);
        return v % n;
    }
    /// Uniform integer in [lo, hi] (inclusive).
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool bernoulli(double p) { return uniform() < p; }

    /// Standard normal by Box-Muller (one value per call, no cached state).
    double normal()
    {
        double u1 = uniform();
        while (u1 <= 0.0)
            u1 = uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }

    /// Exponential with the given mean.
    double exponential(double mean)
    {
        double u = uniform();
        while (u <= 0.0)
            u = uniform();
        return -mean * std::log(u);
    }

    /// Poisson(lambda): Knuth's product method on chunks of at most 25 (Poisson is additive),
    /// exact and cheap for the small and moderate rates used here.
    std::int64_t poisson(double lambda)
    {
        if (!(lambda > 0.0))
            return 0;
        std::int64_t total = 0;
        while (lambda > 0.0) {
            const double chunk = std::min(lambda, 25.0);
            lambda -= chunk;
            const double limit = std::exp(-chunk);
            double p = uniform();
            while (p > limit) {
                ++total;
                p *= uniform();
            }
        }
        return total;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

/// Draws indices with probability proportional to non-negative weights (cumulative table).
class DiscreteSampler
{
public:
    DiscreteSampler() = default;
    explicit DiscreteSampler(const std::vector<double> &weights)
    {
        m_cumulative.reserve(weights.size());
        double sum = 0.0;
        for (double w : weights) {
            sum += (w > 0.0 ? w : 0.0);
            m_cumulative.push_back(sum);
        }
        if (!(sum > 0.0))
            throw std::invalid_argument("DiscreteSampler: weights sum to zero");
    }
    std::size_t size() const { return m_cumulative.size(); }
    double total() const { return m_cumulative.empty() ? 0.0 : m_cumulative.back(); }
    std::size_t operator()(Rng &rng) const
    {
        const double u = rng.uniform() * m_cumulative.back();
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
        const auto i = static_cast<std::size_t>(it - m_cumulative.begin());
        return std::min(i, m_cumulative.size() - 1);
    }

private:
    std::vector<double> m_cumulative;
};

} // namespace vigie::analytics
