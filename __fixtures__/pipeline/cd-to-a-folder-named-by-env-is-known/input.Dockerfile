FROM golang:1.20 AS env
ENV D /src
ADD . $D
RUN cd $D && make

FROM golang:1.20 AS exported
ENV D /src
ADD . $D
RUN export D=/elsewhere && cd $D && make
