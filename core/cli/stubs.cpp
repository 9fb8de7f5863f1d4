// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/commands.h"

namespace corsbench::cli {
#if defined(CORSBENCH_STUB_PROBE) || defined(CORSBENCH_STUB_SCAN) || defined(CORSBENCH_STUB_DIAGNOSE) || defined(CORSBENCH_STUB_SIMULATE)
namespace {
int notYet(const char* name, CommandIo& io)
{
    io.err << "corsbench-cli: '" << name << "' is not available in this build\n";
    return ExitUsage;
}
} // namespace
#endif

#ifdef CORSBENCH_STUB_PROBE
int runProbe(const QStringList&, CommandIo& io) { return notYet("probe", io); }
#endif
#ifdef CORSBENCH_STUB_SCAN
int runScan(const QStringList&, CommandIo& io) { return notYet("scan", io); }
#endif
#ifdef CORSBENCH_STUB_DIAGNOSE
int runDiagnose(const QStringList&, CommandIo& io) { return notYet("diagnose", io); }
#endif
#ifdef CORSBENCH_STUB_SIMULATE
int runSimulate(const QStringList&, CommandIo& io) { return notYet("simulate", io); }
#endif

} // namespace corsbench::cli
