FROM golang:1.24
WORKDIR /src
COPY . .
RUN make deps
RUN make app
