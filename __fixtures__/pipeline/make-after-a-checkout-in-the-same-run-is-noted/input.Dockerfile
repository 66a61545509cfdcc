FROM golang:1.24
COPY . /src
WORKDIR /src
ARG REF
RUN if [ -n "${REF}" ]; then git checkout "${REF}"; fi && make build
