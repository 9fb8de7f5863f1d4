// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/arguments.h"

namespace corsbench::cli {

QString optionName(const QString& arg)
{
    return arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('=')) ? arg.left(arg.indexOf(QLatin1Char('='))) : arg;
}

bool takeOptionValue(const QStringList& args, qsizetype& i, QString* value, CommandIo& io, const char* command)
{
    const QString& a = args.at(i);
    const qsizetype eq = a.indexOf(QLatin1Char('='));
    if (a.startsWith(QLatin1String("--")) && eq > 0) {
        *value = a.mid(eq + 1);
        return true;
    }
    if (i + 1 >= args.size()) {
        io.err << "corsbench-cli " << command << ": " << a << " needs a value\n";
        return false;
    }
    *value = args.at(++i);
    return true;
}

} // namespace corsbench::cli
