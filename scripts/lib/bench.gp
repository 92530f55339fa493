# Plot of the benchmark's ratios to base (build/bench/ratios.dat: N KEY A/A
# PATCHED RECORDFREE):
#   gnuplot -e "datafile='...'; outfile='...'; title='...'" bench.gp
set terminal pngcairo size 1100,500 noenhanced
set output outfile
set title title . ": instructions per call, ratio to base (QEMU -icount, MTE on)"
set ylabel "ratio to base"
set xtics rotate by -45 font ",8"
set offsets 0.5, 0.5, 0, 0
set rmargin 8
set grid ytics
set key top left
plot datafile using 1:3:xticlabels(2) with points pt 6 ps 1.5 title "base again (A/A)", \
     datafile using 1:4 with points pt 7 title "patched", \
     datafile using 1:5 with points pt 9 title "record-free", \
     1 with lines lc rgb "gray" notitle
