FROM golang:1.24
WORKDIR /src
COPY . .
RUN bash -euo pipefail ./build.sh
