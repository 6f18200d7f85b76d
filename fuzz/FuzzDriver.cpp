// Stand-in for libFuzzer's main() where the compiler has no libFuzzer (gcc, CI): runs every
// seed of the corpus, then -runs=N deterministic mutations of each seed (bit flips, byte
// changes, insertions, deletions, truncations, duplicated and spliced chunks). Under the
// ASan preset every input is sanitizer-checked. Same entry points as libFuzzer, so a target
// file builds unchanged with `clang -fsanitize=fuzzer` (preset "fuzz").
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

using Bytes = std::vector<uint8_t>;

void readSeeds(const std::filesystem::path &path, std::vector<Bytes> &seeds)
{
    if (std::filesystem::is_directory(path)) {
        std::vector<std::filesystem::path> files;
        for (const auto &entry : std::filesystem::recursive_directory_iterator(path))
            if (entry.is_regular_file())
                files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // the same order on every machine
        for (const auto &file : files)
            readSeeds(file, seeds);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz driver: cannot read %s\n", path.c_str());
        std::exit(2);
    }
    seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes mutate(const Bytes &seed, const std::vector<Bytes> &seeds, std::mt19937 &rng)
{
    Bytes out = seed;
    const int steps = 1 + int(rng() % 4);
    for (int step = 0; step < steps; ++step) {
        const size_t size = out.size();
        switch (rng() % 7) {
        case 0: // flip a bit
            if (size)
                out[rng() % size] ^= uint8_t(1u << (rng() % 8));
            break;
        case 1: { // an interesting byte
            static const uint8_t interesting[] = {0,   1,   0x7f, 0x80, 0xff, '\r', '\n', '"',
                                                  '<', '&', '%',  '=',  '-',  ';',  '\\', ' '};
            if (size)
                out[rng() % size] = interesting[rng() % sizeof interesting];
            break;
        }
        case 2: // insert random bytes
            out.insert(out.begin() + (size ? rng() % (size + 1) : 0), 1 + rng() % 8,
                       uint8_t(rng()));
            break;
        case 3: // delete a range
            if (size) {
                const size_t at = rng() % size;
                out.erase(out.begin() + at,
                          out.begin() + at + std::min(size - at, size_t(1 + rng() % 16)));
            }
            break;
        case 4: // truncate
            if (size)
                out.resize(rng() % size);
            break;
        case 5: // duplicate a chunk in place
            if (size) {
                const size_t at = rng() % size;
                const size_t len = std::min(size - at, size_t(1 + rng() % 64));
                const Bytes chunk(out.begin() + at, out.begin() + at + len);
                out.insert(out.begin() + rng() % (out.size() + 1), chunk.begin(), chunk.end());
            }
            break;
        default: { // splice with another seed
            const Bytes &other = seeds[rng() % seeds.size()];
            if (!other.empty()) {
                const size_t from = rng() % other.size();
                out.resize(size ? rng() % size : 0);
                out.insert(out.end(), other.begin() + from, other.end());
            }
            break;
        }
        }
        if (out.size() > (1u << 22)) // keep inputs bounded (4 MiB)
            out.resize(1u << 22);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    long runs = 500;
    unsigned seedValue = 20261128;
    std::vector<Bytes> seeds;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "-runs=", 6) == 0)
            runs = std::strtol(argv[i] + 6, nullptr, 10);
        else if (std::strncmp(argv[i], "-seed=", 6) == 0)
            seedValue = unsigned(std::strtoul(argv[i] + 6, nullptr, 10));
        else if (argv[i][0] != '-')
            readSeeds(argv[i], seeds);
    }
    if (seeds.empty())
        seeds.push_back({});
    std::mt19937 rng(seedValue);
    long executed = 0;
    for (const Bytes &seed : seeds) {
        LLVMFuzzerTestOneInput(seed.data(), seed.size());
        ++executed;
    }
    for (const Bytes &seed : seeds) {
        for (long i = 0; i < runs; ++i) {
            const Bytes input = mutate(seed, seeds, rng);
            LLVMFuzzerTestOneInput(input.data(), input.size());
            ++executed;
        }
    }
    std::printf("fuzz driver: %zu seeds, %ld inputs, no crash\n", seeds.size(), executed);
    return 0;
}
