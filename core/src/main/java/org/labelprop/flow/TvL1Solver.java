// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

/**
 * TV-L1 at one pyramid level, step for step as scikit-image 0.19's {@code _tvl1} with {@code prefilter=False}, in float
 * as its float32 arrays. Per warp: the moving image is warped by the current flow u and linearised,
 * {@code rho(u) = I1w - I0 + grad I1w . (u - u_w)}; then per iteration a thresholding step on the data term
 * ({@code v = u - rho grad / |grad|^2} where {@code |rho| <= lambda theta |grad|^2}, else
 * {@code v = u - lambda theta sign(rho) grad}) and, per flow component, two steps of Chambolle's projection on the dual
 * variable p ({@code p <- (p - dt grad u) / (1 + dt/theta |grad u|)}, {@code u = v - div p}; forward differences,
 * dt = 1/4). The dual variables persist across warps. The stopping test is scikit-image's as written: because of array
 * aliasing there, it compares the flow after the last iteration with the data step of the warp's first iteration,
 * {@code sum (v_1 - u)^2 < tolerance * pixels}.
 */
final class TvL1Solver {
    private TvL1Solver() { }

    /** Refines {@code flowRows}, {@code flowCols} (pixels, row-major, updated in place) so that moving(p + flow) ~ reference. */
    static void solve(Plane reference, Plane moving, float[] flowRows, float[] flowCols, TvL1Options o) {
        int h = reference.height(), w = reference.width(), n = h * w;
        float dt = 0.25f;
        float f0 = (float) (o.attachment() * o.tightness());
        float f1 = (float) (0.5 / 2 / o.tightness());
        double tol = o.tolerance() * n;
        float[][] cur = {flowRows, flowCols};
        float[][] aux = {new float[n], new float[n]};
        float[][] first = {new float[n], new float[n]};
        // dual variables: proj[component][axis]
        float[][][] proj = {{new float[n], new float[n]}, {new float[n], new float[n]}};
        float[] warped = new float[n], gy = new float[n], gx = new float[n], ni = new float[n], rho0 = new float[n];
        float[] ref = reference.data();
        Plane warpedPlane = new Plane(h, w, warped);
        for (int k = 0; k < o.warps(); k++) {
            Planes.warpEdge(moving, cur[0], cur[1], warped);
            Planes.gradient(warpedPlane, gy, gx);
            for (int p = 0; p < n; p++) {
                float q = gy[p] * gy[p] + gx[p] * gx[p];
                ni[p] = q == 0f ? 1f : q;
                rho0[p] = (warped[p] - ref[p]) - (gy[p] * cur[0][p] + gx[p] * cur[1][p]);
            }
            for (int it = 0; it < o.iterations(); it++) {
                dataStep(cur, aux, gy, gx, ni, rho0, f0);
                if (it == 0) { System.arraycopy(aux[0], 0, first[0], 0, n); System.arraycopy(aux[1], 0, first[1], 0, n); }
                for (int c = 0; c < 2; c++)
                    for (int r = 0; r < 2; r++) dualStep(cur[c], aux[c], proj[c][0], proj[c][1], h, w, dt, f1);
            }
            double change = 0;
            for (int c = 0; c < 2; c++)
                for (int p = 0; p < n; p++) { float d = first[c][p] - cur[c][p]; change += d * d; }
            if (change < tol) break;
        }
    }

    /** The thresholding step: aux = v(cur); cur becomes a copy of it. */
    private static void dataStep(float[][] cur, float[][] aux, float[] gy, float[] gx, float[] ni, float[] rho0, float f0) {
        float[] uy = cur[0], ux = cur[1], vy = aux[0], vx = aux[1];
        for (int p = 0; p < uy.length; p++) {
            float rho = rho0[p] + (gy[p] * uy[p] + gx[p] * ux[p]);
            if (Math.abs(rho) <= f0 * ni[p]) {
                vy[p] = uy[p] - rho * gy[p] / ni[p];
                vx[p] = ux[p] - rho * gx[p] / ni[p];
            } else {
                float s = f0 * Math.signum(rho);
                vy[p] = uy[p] - s * gy[p];
                vx[p] = ux[p] - s * gx[p];
            }
            uy[p] = vy[p];
            ux[p] = vx[p];
        }
    }

    /** One projection step for one flow component {@code u} (updated: {@code u = v + d}, d the negative divergence of p). */
    private static void dualStep(float[] u, float[] v, float[] p0, float[] p1, int h, int w, float dt, float f1) {
        for (int y = 0; y < h; y++) {
            int row = y * w;
            boolean lastRow = y == h - 1;
            // loops without per-pixel border tests; the last column (g1 = 0) and last row (g0 = 0) apart
            for (int p = row; p < row + w - 1; p++) {
                float g0 = lastRow ? 0f : u[p + w] - u[p];
                float g1 = u[p + 1] - u[p];
                float norm = (float) Math.sqrt(g0 * g0 + g1 * g1) * f1 + 1f;
                p0[p] = (p0[p] - dt * g0) / norm;
                p1[p] = (p1[p] - dt * g1) / norm;
            }
            int p = row + w - 1;
            float g0 = lastRow ? 0f : u[p + w] - u[p];
            float norm = (float) Math.sqrt(g0 * g0 + 0f) * f1 + 1f;
            p0[p] = (p0[p] - dt * g0) / norm;
            p1[p] = (p1[p] - dt * 0f) / norm;
        }
        for (int x = 0; x < w; x++) {
            float d = -(p0[x] + p1[x]);
            if (x > 0) d += p1[x - 1];
            u[x] = v[x] + d;
        }
        for (int y = 1; y < h; y++) {
            int row = y * w;
            u[row] = v[row] + (-(p0[row] + p1[row]) + p0[row - w]);
            for (int p = row + 1; p < row + w; p++) u[p] = v[p] + (-(p0[p] + p1[p]) + p0[p - w] + p1[p - 1]);
        }
    }
}
