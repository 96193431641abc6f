readonly TMOUT=300
export TMOUT
