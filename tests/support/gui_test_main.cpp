// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// gtest main for widget tests: a QApplication on the offscreen platform, resources loaded.
#include <QApplication>
#include <QFile>
#include <QFont>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    Q_INIT_RESOURCE(resources);
    // gtest_discover_tests may list tests on a machine without a display: never try xcb.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir runtimeDir;
    if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR") && runtimeDir.isValid()) {
        QFile::setPermissions(
            runtimeDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir.path()));
    }
    // Each test process gets its own home: QStandardPaths' test mode (~/.qttest) would
    // otherwise be shared by tests that ctest runs in parallel (session files collide).
    QTemporaryDir homeDir;
    if (homeDir.isValid())
        qputenv("HOME", QFile::encodeName(homeDir.path()));
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("corsbench-ui-test"));
    // A known font keeps text metrics deterministic across machines.
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
