// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

#include <memory>

namespace corsbench::net {

/// The prober needs a Qt event dispatcher. The CLI main normally creates a QCoreApplication;
/// when a command runs without one (unit tests calling runProbe directly), this makes one for
/// the duration of the command.
class EnsureCoreApplication {
public:
    EnsureCoreApplication()
    {
        if (!QCoreApplication::instance()) {
            static int argc = 1;
            static char name[] = "corsbench-cli";
            static char* argv[] = { name, nullptr };
            m_app = std::make_unique<QCoreApplication>(argc, argv);
        }
    }

private:
    std::unique_ptr<QCoreApplication> m_app;
};

} // namespace corsbench::net
