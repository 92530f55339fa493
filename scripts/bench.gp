# Plot of the benchmark's ratios patched/base (build/bench/ratios.dat):
#   gnuplot -e "datafile='...'; outfile='...'" bench.gp
set terminal pngcairo size 1000,500 noenhanced
set output outfile
set title "patched / base: ratio of the medians (dot), lowest and highest ratio of one round (bar); QEMU TCG, MTE on"
set ylabel "ratio patched/base"
set xtics rotate by -45 font ",8"
set offsets 0.5, 0.5, 0, 0
set rmargin 8
set grid ytics
set key off
set yrange [0:*]
plot datafile using 1:3:4:5:xticlabels(2) with yerrorbars pt 7, 1 with lines lc rgb "gray"
