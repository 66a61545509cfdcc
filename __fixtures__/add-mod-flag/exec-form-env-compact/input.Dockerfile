FROM golang:1.23
RUN ["env","CGO_ENABLED=0","go","build","."]
