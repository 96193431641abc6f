#!/usr/bin/env bash
# Rebuilds the seed corpus of ConfigReaderFuzzTest from the repository's own configuration trees
# (samples/system: Debian 12 stock files; cli/src/test/resources/systems: weak, hardened, rocky9).
# Each seed is a main file, a scissors line, then the file it includes (see TwoFiles.java).
# Run from the repository root; seeds written by hand (named hand-*) are left alone.
set -euo pipefail
out=checks/src/test/resources/chuan/fuzz/ConfigReaderFuzzTestInputs
S=samples/system
T=cli/src/test/resources/systems
seed() { # target name main [second]
  mkdir -p "$out/$1"
  { cat "$3"; if [ $# -ge 4 ]; then printf '\n--8<--\n'; cat "$4"; fi; } > "$out/$1/$2"
}
seed sshd debian-12 $S/etc/ssh/sshd_config $S/etc/ssh/sshd_config.d/50-cloud-init.conf
seed sshd weak $T/weak/etc/ssh/sshd_config
seed sshd hardened $T/hardened/etc/ssh/sshd_config $T/hardened/etc/ssh/sshd_config.d/10-agency.conf
seed sshd rocky9 $T/rocky9/etc/ssh/sshd_config $T/rocky9/etc/ssh/sshd_config.d/50-redhat.conf
seed nginx debian-12 $S/etc/nginx/nginx.conf $S/etc/nginx/sites-available/default
seed nginx weak $T/weak/etc/nginx/nginx.conf
seed nginx hardened $T/hardened/etc/nginx/nginx.conf $S/etc/nginx/snippets/snakeoil.conf
seed apache debian-12 $S/etc/apache2/apache2.conf $S/etc/apache2/conf-available/security.conf
seed apache weak $T/weak/etc/apache2/apache2.conf $S/etc/apache2/sites-available/000-default.conf
seed apache hardened $T/hardened/etc/apache2/apache2.conf $S/etc/apache2/mods-available/ssl.conf
seed apache rocky9 $T/rocky9/etc/httpd/conf/httpd.conf $T/rocky9/etc/httpd/conf.d/ssl.conf
seed sysctl debian-12 $S/etc/sysctl.conf $S/usr/lib/sysctl.d/50-default.conf
seed sysctl weak $T/weak/etc/sysctl.conf
seed sysctl hardened $S/etc/sysctl.conf $T/hardened/etc/sysctl.d/60-hardening.conf
seed loginDefs debian-12 $S/etc/login.defs $S/etc/default/useradd
seed loginDefs weak $T/weak/etc/login.defs $T/weak/etc/default/useradd
seed loginDefs hardened $T/hardened/etc/login.defs $T/hardened/etc/default/useradd
seed loginDefs rocky9 $T/rocky9/etc/login.defs
seed pam debian-12 $S/etc/pam.d/common-password $S/etc/pam.d/common-auth
seed pam weak $T/weak/etc/pam.d/common-password $T/weak/etc/pam.d/common-auth
seed pam hardened $T/hardened/etc/pam.d/common-password $T/hardened/etc/pam.d/common-auth
seed pam hardened-pwquality $T/hardened/etc/pam.d/common-password $T/hardened/etc/security/pwquality.conf
seed journald debian-12 $S/etc/systemd/journald.conf
seed journald weak $T/weak/etc/systemd/journald.conf $T/hardened/etc/systemd/journald.conf
seed logrotate debian-12 $S/etc/logrotate.conf $S/etc/logrotate.d/rsyslog
seed logrotate weak $T/weak/etc/logrotate.conf $T/weak/etc/logrotate.d/rsyslog
seed logrotate hardened $T/hardened/etc/logrotate.conf $T/hardened/etc/logrotate.d/rsyslog
seed ntp weak $T/weak/etc/chrony/chrony.conf
seed ntp hardened $T/hardened/etc/chrony/chrony.conf
seed ntp rocky9 $T/rocky9/etc/chrony.conf
seed shell debian-12 $S/etc/profile
seed shell weak $T/weak/etc/profile
seed shell hardened $T/hardened/etc/profile $T/hardened/etc/profile.d/tmout.sh
seed properties weak $T/weak/opt/portal/config/application.properties $T/hardened/opt/portal/config/application.properties
seed properties hardened $T/hardened/opt/portal/config/application.properties
seed yaml weak $T/weak/opt/portal/config/application.yml $T/hardened/opt/portal/config/application.yml
seed yaml hardened $T/hardened/opt/portal/config/application.yml
seed env weak $T/weak/opt/portal/deploy/ci.env $T/hardened/opt/portal/deploy/ci.env
seed env useradd $S/etc/default/useradd
seed xml weak $T/weak/etc/tomcat10/server.xml $T/weak/etc/tomcat10/web.xml
seed xml hardened $T/hardened/etc/tomcat10/server.xml $T/hardened/etc/tomcat10/web.xml
seed lines weak $T/weak/etc/inetd.conf $T/weak/etc/xinetd.d/telnet
seed lines hardened $T/hardened/etc/inetd.conf $T/hardened/etc/xinetd.d/telnet
seed secrets weak $T/weak/opt/portal/config/application.properties $T/weak/opt/portal/deploy/ci.env
seed secrets hardened $T/hardened/opt/portal/config/application.yml $T/hardened/opt/portal/deploy/ci.env
