// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cli/commands.h"

namespace corsbench::cli {

/// The value of option `args[i]`: `--name=value`, or the next argument (advancing `i`).
/// On a missing value prints "corsbench-cli COMMAND: --name needs a value" and returns false.
/// The option's name: "--name" for "--name=value", the argument itself otherwise.
QString optionName(const QString& arg);

bool takeOptionValue(const QStringList& args, qsizetype& i, QString* value, CommandIo& io, const char* command);

} // namespace corsbench::cli
